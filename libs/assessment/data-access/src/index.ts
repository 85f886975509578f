import { AssessmentInitial1764100000000 } from './migrations/1764100000000-assessment-initial';
import { AssessmentIndicatorEntity } from './scheme/assessment-indicator.entity';
import { AssessmentSchemeEntity } from './scheme/assessment-scheme.entity';

export { seedAssessmentDemo } from './demo/assessment-demo.seed';
export {
  AssessmentIndicatorKind,
  AssessmentMetric,
  AssessmentPeriodKind,
  AssessmentSchemeStatus,
  AssessmentSubjectKind,
  type CardThresholds,
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

/** The assessment schema: every table assessment-service owns, and its migrations in order. */
export const assessmentDatabase = {
  schema: 'assessment',
  entities: [AssessmentSchemeEntity, AssessmentIndicatorEntity],
  migrations: [AssessmentInitial1764100000000],
};
