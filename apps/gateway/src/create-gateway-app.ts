import { readFileSync } from 'node:fs';
import { orgAccountLookup, startGateway, type RunningGateway } from '@gridgov/platform-gateway';
import type { GatewayConfig } from './gateway.config';

/** The gateway as configured: the committed supergraph (or polling in development) and the subgraph URLs. */
export function createGatewayApp(config: GatewayConfig, overrides: { supergraphSdl?: string } = {}): Promise<RunningGateway> {
  const subgraphUrls = {
    org: config.ORG_SERVICE_URL,
    grid: config.GRID_SERVICE_URL,
    ticket: config.TICKET_SERVICE_URL,
    assessment: config.ASSESSMENT_SERVICE_URL,
  };
  const polling = config.POLL_SUBGRAPHS && !overrides.supergraphSdl;
  return startGateway({
    port: config.PORT,
    nodeEnv: config.NODE_ENV,
    logLevel: config.LOG_LEVEL,
    supergraphSdl: polling ? undefined : (overrides.supergraphSdl ?? readFileSync(config.SUPERGRAPH_PATH, 'utf8')),
    pollSubgraphs: polling ? Object.entries(subgraphUrls).map(([name, url]) => ({ name, url })) : undefined,
    subgraphUrls,
    identityPrivateKey: config.GATEWAY_PRIVATE_KEY,
    accessTokenSecret: config.ACCESS_TOKEN_SECRET,
    oidc:
      config.OIDC_ISSUER && config.OIDC_JWKS_URI
        ? {
            issuer: config.OIDC_ISSUER,
            jwksUri: config.OIDC_JWKS_URI,
            audience: config.OIDC_AUDIENCE,
            lookupAccount: orgAccountLookup(config.ORG_SERVICE_URL, config.GATEWAY_PRIVATE_KEY),
          }
        : undefined,
    subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    limits: { maxDepth: config.MAX_DEPTH, maxAliases: config.MAX_ALIASES, maxCost: config.MAX_COST, maxTokens: config.MAX_TOKENS },
    uploadMaxBytes: config.UPLOAD_MAX_BYTES,
  });
}
