import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { AuthContext, verifyIdentityToken } from '@gridgov/platform-auth';
import { createDataSource, initialiseDataSource } from '@gridgov/platform-database';
import { createErrorFormatter, ErrorCode } from '@gridgov/platform-errors';
import { createLogger, createMetrics, createObservedApp, listen, type Logger } from '@gridgov/platform-observability';
import { buildFederatedSchema } from './build-subgraph-schema';
import type { BaseContext, SubgraphDefinition } from './subgraph-definition';

export const IDENTITY_HEADER = 'x-gridgov-identity';

export interface SubgraphOptions {
  port: number;
  databaseUrl: string;
  /** Overrides the definition's schema (tests use a fresh one per file). */
  databaseSchema?: string;
  poolSize: number;
  gatewayPublicKey: string;
  nodeEnv: 'development' | 'test' | 'production';
  logLevel?: string;
  demoData?: boolean;
  /** Runs after migrations and before the server accepts requests (e.g. the first admin account). */
  onStart?: (dataSource: DataSource, log: Logger) => Promise<void>;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  dataSource: DataSource;
  stop(): Promise<void>;
}

/** Connects, migrates, optionally seeds, and serves one subgraph with health, metrics and identity checks. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function startSubgraph(definition: SubgraphDefinition<any>, options: SubgraphOptions): Promise<RunningSubgraph> {
  const log = createLogger(`${definition.name}-service`, options.logLevel ?? (options.nodeEnv === 'test' ? 'silent' : 'info'));
  const metrics = createMetrics(`${definition.name}-service`);
  const dataSource = createDataSource({
    url: options.databaseUrl,
    schema: options.databaseSchema ?? definition.database.schema,
    entities: definition.database.entities,
    migrations: definition.database.migrations,
    poolSize: options.poolSize,
    applicationName: `gridgov-${definition.name}`,
  });
  await initialiseDataSource(dataSource);
  if (options.onStart) await options.onStart(dataSource, log);
  if (options.demoData && definition.seedDemo) await definition.seedDemo(dataSource, log);

  const server = new ApolloServer<BaseContext>({
    schema: await buildFederatedSchema(definition),
    stopOnTerminationSignals: false, // runService owns SIGINT/SIGTERM
    introspection: true, // only the gateway can reach it (every request needs a gateway-signed token)
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter({
      exposeDetails: options.nodeEnv === 'development',
      onInternalError: (error) => log.error({ err: error }, 'internal error'),
    }),
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();

  const app = createObservedApp({ logger: log, metrics, ready: async () => dataSource.isInitialized });
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const token = req.header(IDENTITY_HEADER);
        if (!token) throw refused('missing gateway identity token');
        let identity;
        try {
          identity = verifyIdentityToken(token, { publicKey: options.gatewayPublicKey, audience: definition.name });
        } catch (error) {
          throw refused(`invalid gateway identity token (${(error as Error).message})`);
        }
        const base: BaseContext = { auth: new AuthContext(identity), requestId: req.requestId, log: req.log, dataSource };
        return definition.createContext(base);
      },
    }),
  );
  const http = await listen(app, options.port);
  const url = `http://127.0.0.1:${http.port}/graphql`;
  log.info({ url }, `${definition.name} subgraph ready`);
  let stopping: Promise<void> | undefined;
  return {
    name: definition.name,
    url,
    port: http.port,
    dataSource,
    stop() {
      stopping ??= (async () => {
        await http.close();
        await server.stop();
        await dataSource.destroy();
      })();
      return stopping;
    },
  };
}

function refused(reason: string): GraphQLError {
  return new GraphQLError(`Subgraphs only answer the gateway: ${reason}`, {
    extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
  });
}
