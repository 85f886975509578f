export type { GridContext } from './grid-context';
export { createGridSubgraph } from './grid-subgraph';
