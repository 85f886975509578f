import { startSubgraph, type RunningSubgraph } from '@gridgov/platform-graphql';
import { createGridSubgraph } from '@gridgov/grid-graphql';
import type { GridServiceConfig } from './grid-service.config';

export function createGridService(
  config: GridServiceConfig,
  overrides: { databaseSchema?: string } = {},
): Promise<RunningSubgraph> {
  return startSubgraph(
    createGridSubgraph({ encryptionKey: config.PERSONAL_DATA_KEY, hashKey: config.PERSONAL_DATA_HASH_KEY }),
    {
      port: config.PORT,
      databaseUrl: config.DATABASE_URL,
      databaseSchema: overrides.databaseSchema,
      poolSize: config.DATABASE_POOL_SIZE,
      gatewayPublicKey: config.GATEWAY_PUBLIC_KEY,
      nodeEnv: config.NODE_ENV,
      logLevel: config.LOG_LEVEL,
      demoData: config.DEMO_DATA,
    },
  );
}
