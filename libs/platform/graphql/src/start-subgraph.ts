import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { AuthContext, verifyIdentityToken } from '@gridgov/platform-auth';
import { createDataSource, initialiseDataSource } from '@gridgov/platform-database';
import { createErrorFormatter, ErrorCode } from '@gridgov/platform-errors';
import {
  createLogger,
  createMetrics,
  createObservedApp,
  listen,
  type Logger,
  type Metrics,
} from '@gridgov/platform-observability';
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
  /** Served on /metrics instead of the HTTP metrics alone (e.g. with a worker's queue metrics). */
  metrics?: Metrics;
  /** Runs after migrations and before the server accepts requests (e.g. the first admin account). */
  onStart?: (dataSource: DataSource, log: Logger) => Promise<void>;
}

/** What every service's config holds for its subgraph (`subgraphEnv` and PORT). */
export interface SubgraphServiceConfig {
  PORT: number;
  DATABASE_URL: string;
  DATABASE_POOL_SIZE: number;
  GATEWAY_PUBLIC_KEY: string;
  NODE_ENV: SubgraphOptions['nodeEnv'];
  LOG_LEVEL: string;
  DEMO_DATA: boolean;
}

/** The options of a service's subgraph from its config, with its own extras (schema, metrics, onStart). */
export const subgraphOptions = (
  config: SubgraphServiceConfig,
  extras: Pick<SubgraphOptions, 'databaseSchema' | 'metrics' | 'onStart'> = {},
): SubgraphOptions => ({
  port: config.PORT,
  databaseUrl: config.DATABASE_URL,
  poolSize: config.DATABASE_POOL_SIZE,
  gatewayPublicKey: config.GATEWAY_PUBLIC_KEY,
  nodeEnv: config.NODE_ENV,
  logLevel: config.LOG_LEVEL,
  demoData: config.DEMO_DATA,
  ...extras,
});

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  dataSource: DataSource;
  stop(): Promise<void>;
}

/** Connects, migrates, optionally seeds, and serves one subgraph with health, metrics and identity checks. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function startSubgraph(
  definition: SubgraphDefinition<any>,
  options: SubgraphOptions,
): Promise<RunningSubgraph> {
  const log = createLogger(
    `${definition.name}-service`,
    options.logLevel ?? (options.nodeEnv === 'test' ? 'silent' : 'info'),
  );
  const metrics = options.metrics ?? createMetrics(`${definition.name}-service`);
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

  /** The request's context, from the identity the gateway signed for this subgraph alone. */
  const contextOf = (req: express.Request) => {
    const token = req.header(IDENTITY_HEADER);
    if (!token) throw refused('missing gateway identity token');
    let identity;
    try {
      identity = verifyIdentityToken(token, {
        publicKey: options.gatewayPublicKey,
        audience: definition.name,
      });
    } catch (error) {
      throw refused(`invalid gateway identity token (${(error as Error).message})`);
    }
    const base: BaseContext = {
      auth: new AuthContext(identity),
      requestId: req.requestId,
      log: req.log,
      dataSource,
    };
    return definition.createContext(base);
  };

  const app = createObservedApp({ logger: log, metrics, ready: async () => dataSource.isInitialized });
  for (const route of definition.routes ?? []) {
    app.post(
      route.path,
      (req, res, next) => {
        try {
          const context = contextOf(req);
          route.check(context);
          res.locals['context'] = context;
          next();
        } catch (error) {
          next(error);
        }
      },
      route.body,
      async (req, res, next) => {
        try {
          const answer = await route.post(req, res.locals['context']);
          res.status(answer.status).json(answer.body);
        } catch (error) {
          next(error);
        }
      },
    );
    app.use(
      route.path,
      (error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
        const { status, code, message } = routeError(error);
        if (status >= 500) req.log.error({ err: error }, 'route failed');
        res.status(status).json({ error: { code, message } });
      },
    );
  }
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(server, { context: async ({ req }) => contextOf(req) }),
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

const STATUS_OF_CODE: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.INVALID_TRANSITION]: 409,
};

/** A route's error as HTTP: typed errors and body-parser refusals keep their message, anything else is neutral. */
function routeError(error: unknown): { status: number; code: string; message: string } {
  if (error instanceof GraphQLError) {
    const code = String(error.extensions['code'] ?? ErrorCode.INTERNAL_SERVER_ERROR);
    const status = STATUS_OF_CODE[code];
    if (status) return { status, code, message: error.message };
  }
  const parser = error as { status?: number; type?: string; limit?: number };
  if (parser.type === 'entity.too.large')
    return {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `the body is larger than the limit of ${parser.limit} bytes`,
    };
  if (typeof parser.status === 'number' && parser.status >= 400 && parser.status < 500)
    return { status: parser.status, code: 'BAD_REQUEST', message: 'the request body could not be read' };
  return {
    status: 500,
    code: ErrorCode.INTERNAL_SERVER_ERROR,
    message: 'Internal error: the request could not be completed. It has been logged.',
  };
}
