import { env, loadConfig, subgraphEnv } from '@gridgov/platform-config';

/** Every variable assessment-service reads, with its default. */
export const assessmentServiceEnv = {
  ...subgraphEnv,
  PORT: env.int('HTTP port', 4004, { min: 0, max: 65535 }),
  GATEWAY_URL: env.url(
    'the gateway runs read facts of the other services through',
    'http://127.0.0.1:4000/graphql',
  ),
  ACCESS_TOKEN_SECRET: env.optional(
    'HS256 secret the gateway verifies; signs the service account’s token for facts (runs and surveys are refused without it)',
  ),
  REDIS_URL: env.optional('Redis for scheduled assessment runs (none scheduled without it)'),
  QUEUE_PREFIX: env.string('BullMQ key prefix', 'bull'),
};

export type AssessmentServiceConfig = ReturnType<typeof loadAssessmentServiceConfig>;
export const loadAssessmentServiceConfig = (source: NodeJS.ProcessEnv = process.env) =>
  loadConfig(assessmentServiceEnv, source);
