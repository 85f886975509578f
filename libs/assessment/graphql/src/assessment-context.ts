import DataLoader from 'dataloader';
import type { BaseContext } from '@gridgov/platform-graphql';
import {
  type AssessmentIndicatorEntity,
  type AssessmentResultEntity,
  AssessmentResultService,
  AssessmentReviewService,
  AssessmentRunService,
  AssessmentSchemeService,
  AssessmentSubjectKind,
  type FactSource,
} from '@gridgov/assessment-data-access';

export interface AssessmentContext extends BaseContext {
  schemes: AssessmentSchemeService;
  runs: AssessmentRunService;
  reviews: AssessmentReviewService;
  results: AssessmentResultService;
  /** Per-request and batched, so a page of schemes costs one indicator query. */
  loaders: {
    indicatorsBySchemeId: DataLoader<string, AssessmentIndicatorEntity[]>;
    resultsByAccountId: DataLoader<string, AssessmentResultEntity[]>;
    colorCardByUnitCode: DataLoader<string, AssessmentResultEntity | null>;
    resultByDepartmentId: DataLoader<string, AssessmentResultEntity | null>;
  };
}

export function createAssessmentContext(base: BaseContext, facts: FactSource): AssessmentContext {
  const schemes = new AssessmentSchemeService(base.dataSource, base.auth);
  const results = new AssessmentResultService(base.dataSource, base.auth);
  return {
    ...base,
    schemes,
    runs: new AssessmentRunService(base.dataSource, facts),
    reviews: new AssessmentReviewService(base.dataSource, base.auth, facts),
    results,
    loaders: {
      indicatorsBySchemeId: new DataLoader((ids) => schemes.indicatorsOf(ids)),
      resultsByAccountId: new DataLoader((ids) => results.ofAccounts(ids)),
      colorCardByUnitCode: new DataLoader((codes) =>
        results.latestOf([AssessmentSubjectKind.COMMUNITY, AssessmentSubjectKind.STREET], codes, {
          withCard: true,
        }),
      ),
      resultByDepartmentId: new DataLoader((ids) =>
        results.latestOf([AssessmentSubjectKind.DEPARTMENT], ids),
      ),
    },
  };
}
