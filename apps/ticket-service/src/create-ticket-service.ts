import { startSubgraph, type RunningSubgraph } from '@gridgov/platform-graphql';
import { createTicketSubgraph } from '@gridgov/ticket-graphql';
import type { TicketServiceConfig } from './ticket-service.config';

export function createTicketService(
  config: TicketServiceConfig,
  overrides: { databaseSchema?: string } = {},
): Promise<RunningSubgraph> {
  return startSubgraph(createTicketSubgraph(), {
    port: config.PORT,
    databaseUrl: config.DATABASE_URL,
    databaseSchema: overrides.databaseSchema,
    poolSize: config.DATABASE_POOL_SIZE,
    gatewayPublicKey: config.GATEWAY_PUBLIC_KEY,
    nodeEnv: config.NODE_ENV,
    logLevel: config.LOG_LEVEL,
    demoData: config.DEMO_DATA,
  });
}
