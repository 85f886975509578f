export { ConfigError } from './config-error';
export { env, type EnvVar } from './env-spec';
export { loadConfig, type ConfigOf, type ConfigSpec } from './load-config';
export { runtimeEnv, subgraphEnv } from './service-env';
