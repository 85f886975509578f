export { buildFederatedSchema } from './build-subgraph-schema';
export { ConnectionType, MAX_PAGE_SIZE, PageArgs, PageInfo, paginate, type Connection } from './connection';
export * from './scalars';
export {
  IDENTITY_HEADER,
  startSubgraph,
  subgraphOptions,
  type RunningSubgraph,
  type SubgraphOptions,
  type SubgraphServiceConfig,
} from './start-subgraph';
export type {
  BaseContext,
  ReferenceResolvers,
  SubgraphDefinition,
  SubgraphRoute,
} from './subgraph-definition';
export { composeSupergraph } from './compose-supergraph';
