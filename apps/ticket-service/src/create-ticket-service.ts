import { startSubgraph, subgraphOptions, type RunningSubgraph } from '@gridgov/platform-graphql';
import { createTicketSubgraph } from '@gridgov/ticket-graphql';
import type { TicketServiceConfig } from './ticket-service.config';

export function createTicketService(
  config: TicketServiceConfig,
  overrides: { databaseSchema?: string } = {},
): Promise<RunningSubgraph> {
  return startSubgraph(
    createTicketSubgraph(),
    subgraphOptions(config, {
      databaseSchema: overrides.databaseSchema,
    }),
  );
}
