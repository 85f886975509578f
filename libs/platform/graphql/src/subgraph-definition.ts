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
  /** Idempotent demo data for `npm start`. */
  seedDemo?(dataSource: DataSource, log: Logger): Promise<void>;
}
