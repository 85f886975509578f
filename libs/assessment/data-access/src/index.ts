import { AssessmentInitial1764100000000 } from './migrations/1764100000000-assessment-initial';
import { AssessmentRuns1765300000000 } from './migrations/1765300000000-assessment-runs';
import { AssessmentResultEntity } from './result/assessment-result.entity';
import { AssessmentReviewEntity, AssessmentSurveyEntity } from './review/assessment-review.entity';
import { AssessmentRunEntity } from './run/assessment-run.entity';
import { AssessmentIndicatorEntity } from './scheme/assessment-indicator.entity';
import { AssessmentSchemeEntity } from './scheme/assessment-scheme.entity';

export { seedAssessmentDemo } from './demo/assessment-demo.seed';
export {
  AssessmentIndicatorKind,
  AssessmentMetric,
  AssessmentPeriodKind,
  AssessmentSchemeStatus,
  AssessmentSubjectKind,
  type AssessmentRule,
  type CardThresholds,
  HonourBoardKind,
  honourBoardKindOf,
  ManualSource,
  RuleEffect,
  RuleOperator,
  RESIDENT_SUBJECT_PREFIX,
  type StarThresholds,
  TOTAL_SCALES,
} from './scheme/assessment-kinds';
export { AssessmentIndicatorEntity } from './scheme/assessment-indicator.entity';
export { AssessmentSchemeEntity } from './scheme/assessment-scheme.entity';
export { AssessmentSchemeService, type AssessmentSchemeFilter } from './scheme/assessment-scheme.service';
export {
  type AssessmentIndicatorInput,
  type CreateAssessmentSchemeInput,
  MAX_INDICATORS,
  validateSchemeInput,
} from './scheme/assessment-scheme.validation';

export { AssessmentResultEntity } from './result/assessment-result.entity';
export { AssessmentResultService } from './result/assessment-result.service';
export { AssessmentReviewEntity } from './review/assessment-review.entity';
export { AssessmentReviewService } from './review/assessment-review.service';
export { parsePeriod, periodAt } from './run/assessment-period';
export { AssessmentRunEntity } from './run/assessment-run.entity';
export { AssessmentRunService } from './run/assessment-run.service';
export {
  type FactSource,
  GatewayFactSource,
  type GatewayFactSourceOptions,
  unconfiguredFactSource,
} from './run/fact-source';

/** The assessment schema: every table assessment-service owns, and its migrations in order. */
export const assessmentDatabase = {
  schema: 'assessment',
  entities: [
    AssessmentSchemeEntity,
    AssessmentIndicatorEntity,
    AssessmentRunEntity,
    AssessmentResultEntity,
    AssessmentReviewEntity,
    AssessmentSurveyEntity,
  ],
  migrations: [AssessmentInitial1764100000000, AssessmentRuns1765300000000],
};
