import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import { createErrorFormatter } from '@gridgov/platform-errors';
import { createLogger, createMetrics, createObservedApp, listen } from '@gridgov/platform-observability';
import { createIdentityResolver, type OidcOptions } from './resolve-identity';
import { type GatewayContext, SignedIdentityDataSource } from './signed-identity-data-source';
import { DEFAULT_UPLOAD_MAX_BYTES, mountUploadRoute } from './upload-route';

export interface GatewayOptions {
  port: number;
  nodeEnv: 'development' | 'test' | 'production';
  logLevel?: string;
  /** The composed supergraph (production: the committed `supergraph.graphql`). */
  supergraphSdl?: string;
  /** Development alternative to `supergraphSdl`: introspect and compose these subgraphs, re-polling. */
  pollSubgraphs?: { name: string; url: string }[];
  pollIntervalMs?: number;
  /** Replaces the URLs written in the supergraph (tests, or services on other hosts). */
  subgraphUrls?: Record<string, string>;
  identityPrivateKey: string;
  accessTokenSecret: string;
  oidc?: OidcOptions;
  subgraphTimeoutMs: number;
  limits: { maxDepth: number; maxAliases: number; maxCost: number; maxTokens: number };
  /** Largest body of `POST /uploads/:kind` (files above the GraphQL body limit). */
  uploadMaxBytes?: number;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Apollo Gateway on Apollo Server: verifies callers, signs their identity per subgraph, limits query shape. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const log = createLogger('gateway', options.logLevel ?? (options.nodeEnv === 'test' ? 'silent' : 'info'));
  const metrics = createMetrics('gateway');
  const development = options.nodeEnv === 'development';
  if (!options.supergraphSdl && !options.pollSubgraphs) throw new Error('startGateway needs supergraphSdl or pollSubgraphs');

  // Each subgraph's URL as the gateway uses it, for uploads that go beside GraphQL.
  const subgraphUrls = new Map<string, string>();
  const buildService = ({ name, url }: { name: string; url?: string }) => {
    subgraphUrls.set(name, options.subgraphUrls?.[name] ?? (url as string));
    return new SignedIdentityDataSource(name, subgraphUrls.get(name) as string, options.identityPrivateKey, options.subgraphTimeoutMs);
  };
  const gateway = options.supergraphSdl
    ? new ApolloGateway({ supergraphSdl: options.supergraphSdl, buildService })
    : new ApolloGateway({
        supergraphSdl: new IntrospectAndCompose({ subgraphs: options.pollSubgraphs!, pollIntervalInMs: options.pollIntervalMs ?? 10_000 }),
        buildService,
      });

  const armor = new ApolloArmor({
    maxDepth: { n: options.limits.maxDepth },
    maxAliases: { n: options.limits.maxAliases },
    costLimit: { maxCost: options.limits.maxCost },
    maxTokens: { n: options.limits.maxTokens },
    blockFieldSuggestion: { enabled: !development },
  });
  const protection = armor.protect();

  const server = new ApolloServer<GatewayContext>({
    gateway,
    ...protection,
    stopOnTerminationSignals: false, // runService owns SIGINT/SIGTERM
    introspection: development,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    plugins: [
      ...protection.plugins,
      development ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
    ],
    formatError: createErrorFormatter({
      exposeDetails: development,
      onInternalError: (error) => log.error({ err: error }, 'internal error'),
    }),
  });
  await server.start();

  const resolveIdentity = createIdentityResolver({ accessTokenSecret: options.accessTokenSecret, oidc: options.oidc });
  const app = createObservedApp({ logger: log, metrics, ready: async () => true });
  mountUploadRoute(app, {
    maxBytes: options.uploadMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES,
    resolveIdentity,
    subgraphUrl: (name) => subgraphUrls.get(name),
    identityPrivateKey: options.identityPrivateKey,
    log,
  });
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => ({ identity: await resolveIdentity(req.header('authorization')), requestId: req.requestId }),
    }),
  );
  const http = await listen(app, options.port, development || options.nodeEnv === 'test' ? '127.0.0.1' : '0.0.0.0');
  const url = `http://127.0.0.1:${http.port}/graphql`;
  log.info({ url }, 'gateway ready');
  return {
    url,
    port: http.port,
    async stop() {
      await http.close();
      await server.stop();
    },
  };
}
