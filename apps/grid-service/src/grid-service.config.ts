import { env, type EnvVar, loadConfig, subgraphEnv } from '@gridgov/platform-config';

/** Development-only keys: anything encrypted with them is as good as clear text. */
const DEV_PERSONAL_DATA_KEY = 'ZGV2ZWxvcG1lbnQtb25seSBwZXJzb25hbC1kYXRhIGs=';
const DEV_PERSONAL_DATA_HASH_KEY = 'ZGV2ZWxvcG1lbnQtb25seSBwZXJzb25hbC1oYXNoIGs=';

/** A base64 secret of at least 32 bytes; no default in production. */
function secretKey(description: string, developmentDefault: string, production: boolean): EnvVar<Buffer> {
  return {
    description,
    parse(raw, name) {
      if (raw === undefined || raw === '') {
        if (production) throw new Error(`${name} is required in production (${description})`);
        return Buffer.from(developmentDefault, 'base64');
      }
      const key = Buffer.from(raw, 'base64');
      if (key.length !== 32) throw new Error(`${name} must be 32 bytes, base64-encoded (${description})`);
      return key;
    },
  };
}

/** Every variable grid-service reads, with its default. */
export const gridServiceEnv = (production: boolean) => ({
  ...subgraphEnv,
  PORT: env.int('HTTP port', 4002, { min: 0, max: 65535 }),
  PERSONAL_DATA_KEY: secretKey(
    'AES-256-GCM key for ID numbers, 32 bytes base64',
    DEV_PERSONAL_DATA_KEY,
    production,
  ),
  PERSONAL_DATA_HASH_KEY: secretKey(
    'HMAC-SHA256 key for ID-number lookups, 32 bytes base64',
    DEV_PERSONAL_DATA_HASH_KEY,
    production,
  ),
  REDIS_URL: env.url('Redis of the import queue', undefined, ['redis:', 'rediss:']),
  QUEUE_PREFIX: env.string('BullMQ key prefix', 'bull'),
  IMPORT_CONCURRENCY: env.int('resident imports this process runs at once', 1, { min: 1, max: 16 }),
  IMPORT_MAX_BYTES: env.int('largest file POST /uploads/resident-imports accepts', 64 * 1024 * 1024, {
    min: 1024,
  }),
  IMPORT_LOCK_MS: env.int('an import whose process died runs again this long after', 60_000, { min: 1_000 }),
  IMPORT_RECONCILE_MS: env.int('how often unfinished imports are checked against the queue', 60_000, {
    min: 1_000,
  }),
  SHUTDOWN_TIMEOUT_MS: env.int(
    'on SIGTERM, wait this long for running imports, then return them to the queue',
    10_000,
    {
      min: 0,
    },
  ),
});

export type GridServiceConfig = ReturnType<typeof loadGridServiceConfig>;
export const loadGridServiceConfig = (source: NodeJS.ProcessEnv = process.env) =>
  loadConfig(gridServiceEnv(source['NODE_ENV'] === 'production'), source);
