import { randomBytes } from 'node:crypto';
import { startSubgraph, subgraphOptions, type RunningSubgraph } from '@gridgov/platform-graphql';
import { AccountService } from '@gridgov/org-data-access';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { webhookTargetPolicy } from '@gridgov/platform-queue';
import type { OrgServiceConfig } from './org-service.config';

export async function createOrgService(
  config: OrgServiceConfig,
  overrides: { databaseSchema?: string } = {},
): Promise<RunningSubgraph> {
  const subgraph = createOrgSubgraph(
    { secret: config.ACCESS_TOKEN_SECRET, ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS },
    { webhookTargets: webhookTargetPolicy(config) },
  );
  return startSubgraph(
    subgraph,
    subgraphOptions(config, {
      databaseSchema: overrides.databaseSchema,
      onStart: async (dataSource, log) => {
        if (!config.ADMIN_PASSWORD && config.NODE_ENV === 'production') {
          throw new Error('ADMIN_PASSWORD must be set in production (it creates the first administrator)');
        }
        const password = config.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
        const created = await AccountService.ensureInitialAdmin(dataSource, config.ADMIN_USERNAME, password);
        if (created) {
          log.warn(
            { username: created, ...(config.ADMIN_PASSWORD ? {} : { password }) },
            'created the first administrator account',
          );
        }
      },
    }),
  );
}
