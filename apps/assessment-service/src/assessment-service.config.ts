import { env, loadConfig, subgraphEnv } from '@gridgov/platform-config';

/** Every variable assessment-service reads, with its default. */
export const assessmentServiceEnv = {
  ...subgraphEnv,
  PORT: env.int('HTTP port', 4004, { min: 0, max: 65535 }),
};

export type AssessmentServiceConfig = ReturnType<typeof loadAssessmentServiceConfig>;
export const loadAssessmentServiceConfig = (source: NodeJS.ProcessEnv = process.env) =>
  loadConfig(assessmentServiceEnv, source);
