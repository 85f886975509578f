import { env } from './env-spec';

/** Variables every process reads. */
export const runtimeEnv = {
  NODE_ENV: env.oneOf('development, test or production', ['development', 'test', 'production'] as const, 'development'),
  LOG_LEVEL: env.oneOf('pino log level', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
};

/** Variables every subgraph reads. */
export const subgraphEnv = {
  ...runtimeEnv,
  DATABASE_URL: env.url('PostgreSQL connection URL', undefined, ['postgres:', 'postgresql:']),
  DATABASE_POOL_SIZE: env.int('connections in this service’s pool', 10, { min: 1, max: 200 }),
  GATEWAY_PUBLIC_KEY: env.string('PEM public key that verifies identity tokens signed by the gateway'),
  DEMO_DATA: env.bool('load the demo data set at start-up', false),
};
