import { env, loadConfig, subgraphEnv } from '@gridgov/platform-config';
import { webhookTargetEnv } from '@gridgov/platform-queue';

/** Every variable org-service reads, with its default. */
export const orgServiceEnv = {
  ...subgraphEnv,
  ...webhookTargetEnv,
  PORT: env.int('HTTP port', 4001, { min: 0, max: 65535 }),
  ACCESS_TOKEN_SECRET: env.string('HMAC secret for the bearer tokens `login` issues (shared with the gateway)'),
  ACCESS_TOKEN_TTL_SECONDS: env.int('lifetime of a login token', 8 * 3600, { min: 60 }),
  ADMIN_USERNAME: env.string('username of the administrator created on first start', 'admin'),
  ADMIN_PASSWORD: env.optional('password of that administrator; development generates and prints one when unset'),
};

export type OrgServiceConfig = ReturnType<typeof loadOrgServiceConfig>;
export const loadOrgServiceConfig = (source: NodeJS.ProcessEnv = process.env) => loadConfig(orgServiceEnv, source);
