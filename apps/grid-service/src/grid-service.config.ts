import { env, loadConfig, subgraphEnv } from '@gridgov/platform-config';

/** Every variable grid-service reads, with its default. */
export const gridServiceEnv = {
  ...subgraphEnv,
  PORT: env.int('HTTP port', 4002, { min: 0, max: 65535 }),
};

export type GridServiceConfig = ReturnType<typeof loadGridServiceConfig>;
export const loadGridServiceConfig = (source: NodeJS.ProcessEnv = process.env) =>
  loadConfig(gridServiceEnv, source);
