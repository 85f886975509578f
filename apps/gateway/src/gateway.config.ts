import { env, loadConfig, runtimeEnv } from '@gridgov/platform-config';

/** Every variable the gateway reads, with its default. */
export const gatewayEnv = {
  ...runtimeEnv,
  PORT: env.int('HTTP port', 4000, { min: 0, max: 65535 }),
  SUPERGRAPH_PATH: env.string('composed supergraph served in production', 'apps/gateway/supergraph.graphql'),
  POLL_SUBGRAPHS: env.bool('development: introspect and compose the subgraphs instead of reading SUPERGRAPH_PATH', false),
  ORG_SERVICE_URL: env.url('org subgraph', 'http://127.0.0.1:4001/graphql'),
  GRID_SERVICE_URL: env.url('grid subgraph', 'http://127.0.0.1:4002/graphql'),
  TICKET_SERVICE_URL: env.url('ticket subgraph', 'http://127.0.0.1:4003/graphql'),
  ASSESSMENT_SERVICE_URL: env.url('assessment subgraph', 'http://127.0.0.1:4004/graphql'),
  GATEWAY_PRIVATE_KEY: env.string('PEM (P-256) key that signs identity tokens for the subgraphs'),
  ACCESS_TOKEN_SECRET: env.string('HMAC secret of the bearer tokens org-service `login` issues'),
  OIDC_ISSUER: env.optional('external OIDC issuer whose JWTs are also accepted'),
  OIDC_JWKS_URI: env.optional('that issuer’s JWKS URL (required with OIDC_ISSUER)'),
  OIDC_AUDIENCE: env.optional('expected audience of OIDC tokens'),
  SUBGRAPH_TIMEOUT_MS: env.int('timeout of one subgraph fetch', 10_000, { min: 100 }),
  MAX_DEPTH: env.int('deepest query accepted', 12, { min: 2 }),
  MAX_ALIASES: env.int('aliases per query', 30, { min: 1 }),
  MAX_COST: env.int('graphql-armor cost limit', 20_000, { min: 100 }),
  MAX_TOKENS: env.int('tokens per query document', 2_000, { min: 100 }),
  UPLOAD_MAX_BYTES: env.int('largest file POST /uploads/:kind accepts (GraphQL bodies stop at 2 MB)', 64 * 1024 * 1024, {
    min: 1024,
  }),
};

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export function loadGatewayConfig(source: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(gatewayEnv, source);
  if (config.OIDC_ISSUER && !config.OIDC_JWKS_URI) {
    throw new Error('OIDC_JWKS_URI is required when OIDC_ISSUER is set');
  }
  return config;
}
