import { env, loadConfig, subgraphEnv } from '@gridgov/platform-config';

/** Every variable ticket-service reads, with its default. */
export const ticketServiceEnv = {
  ...subgraphEnv,
  PORT: env.int('HTTP port', 4003, { min: 0, max: 65535 }),
};

export type TicketServiceConfig = ReturnType<typeof loadTicketServiceConfig>;
export const loadTicketServiceConfig = (source: NodeJS.ProcessEnv = process.env) =>
  loadConfig(ticketServiceEnv, source);
