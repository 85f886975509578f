export {
  ASSESSMENT_RUN_QUEUE,
  type AssessmentJobData,
  type AssessmentJobsOptions,
  enqueueDemoRuns,
  processAssessmentJob,
  startAssessmentJobs,
} from './assessment-run.job';
