import type { SubgraphDefinition } from '@gridgov/platform-graphql';
import { gridDatabase, seedGridDemo } from '@gridgov/grid-data-access';
import { AdminUnitGridsResolver } from './admin-unit/admin-unit-grids.resolver';
import { createGridContext, type GridContext } from './grid-context';
import { GridResolver } from './grid/grid.resolver';
import { gridReferences } from './grid.reference';

/** The grid subgraph: grids and their boundaries, and `AdminUnit.grids`. */
export function createGridSubgraph(): SubgraphDefinition<GridContext> {
  return {
    name: 'grid',
    resolvers: [GridResolver, AdminUnitGridsResolver],
    references: gridReferences,
    database: gridDatabase,
    createContext: createGridContext,
    seedDemo: seedGridDemo,
  };
}
