import type { Request, RequestHandler } from 'express';
import type { NonEmptyArray } from 'type-graphql';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import type { AuthContext } from '@gridgov/platform-auth';
import type { Logger } from '@gridgov/platform-observability';

/** `{ Grid: { __resolveReference(ref, ctx) } }`: how this subgraph turns a key into an entity. */
export type ReferenceResolvers<TContext> = Record<
  string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  { __resolveReference(reference: any, context: TContext): unknown }
>;

/** What every resolver sees; a subgraph adds its services and per-request loaders. */
export interface BaseContext {
  auth: AuthContext;
  requestId: string;
  log: Logger;
  dataSource: DataSource;
}

/**
 * A POST route beside /graphql (e.g. a file upload too big for a GraphQL body). It gets the same
 * gateway identity check and request context as GraphQL, before its body is read.
 */
export interface SubgraphRoute<TContext> {
  path: string;
  /** Runs before the body is read (e.g. the permission), so a refused caller uploads nothing. */
  check(context: TContext): void;
  /** Reads the body, e.g. `express.raw({ limit })`; a body over its limit is answered 413. */
  body: RequestHandler;
  /** Answers with JSON; a thrown GraphQLError is answered `{ error: { code, message } }` with its HTTP status. */
  post(req: Request, context: TContext): Promise<{ status: number; body: unknown }>;
}

/**
 * Everything the platform needs to host one subgraph, and the composition tool to print its SDL.
 * A context lib exports one of these; the app's factory hands it to `startSubgraph`.
 */
export interface SubgraphDefinition<TContext extends BaseContext = BaseContext> {
  /** Subgraph name in the supergraph, also the identity-token audience. */
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type; each must check scope itself (type-graphql's checker does not run). */
  references?: ReferenceResolvers<TContext>;
  database: {
    /** Default PostgreSQL schema owned by this service. */
    schema: string;
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    entities: MixedList<Function | string | EntitySchema>;
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    migrations: MixedList<Function | string>;
  };
  /** Adds services and DataLoaders to the base context, once per request. */
  createContext(base: BaseContext): TContext;
  /** HTTP routes besides /graphql. */
  routes?: SubgraphRoute<TContext>[];
  /** Idempotent demo data for `npm start`. */
  seedDemo?(dataSource: DataSource, log: Logger): Promise<void>;
}
