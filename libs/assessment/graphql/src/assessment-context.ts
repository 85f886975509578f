import DataLoader from 'dataloader';
import type { BaseContext } from '@gridgov/platform-graphql';
import { type AssessmentIndicatorEntity, AssessmentSchemeService } from '@gridgov/assessment-data-access';

export interface AssessmentContext extends BaseContext {
  schemes: AssessmentSchemeService;
  /** Per-request and batched, so a page of schemes costs one indicator query. */
  loaders: {
    indicatorsBySchemeId: DataLoader<string, AssessmentIndicatorEntity[]>;
  };
}

export function createAssessmentContext(base: BaseContext): AssessmentContext {
  const schemes = new AssessmentSchemeService(base.dataSource, base.auth);
  return {
    ...base,
    schemes,
    loaders: {
      indicatorsBySchemeId: new DataLoader((ids) => schemes.indicatorsOf(ids)),
    },
  };
}
