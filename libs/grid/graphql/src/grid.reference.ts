import type { ReferenceResolvers } from '@gridgov/platform-graphql';
import type { GridContext } from './grid-context';

/**
 * type-graphql's auth checker does not run here, so the loaders return null for grids outside
 * the caller's GRID_READ scope. AdminUnit is org's: its key is all grid-service needs.
 */
export const gridReferences: ReferenceResolvers<GridContext> = {
  Grid: {
    __resolveReference: (ref: { id?: string; code?: string }, ctx) =>
      ref.id ? ctx.loaders.gridById.load(ref.id) : ref.code ? ctx.loaders.gridByCode.load(ref.code) : null,
  },
  AdminUnit: {
    __resolveReference: (ref: { code: string }) => ref,
  },
};
