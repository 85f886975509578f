import type { ReferenceResolvers } from '@gridgov/platform-graphql';
import type { GridContext } from './grid-context';

/**
 * type-graphql's auth checker does not run here, so the loaders return null for rows outside
 * the caller's read scope. AdminUnit is org's: its key is all grid-service needs.
 */
export const gridReferences: ReferenceResolvers<GridContext> = {
  Grid: {
    __resolveReference: (ref: { id?: string; code?: string }, ctx) =>
      ref.id ? ctx.loaders.gridById.load(ref.id) : ref.code ? ctx.loaders.gridByCode.load(ref.code) : null,
  },
  Building: {
    __resolveReference: (ref: { id: string }, ctx) => ctx.loaders.buildingById.load(ref.id),
  },
  Household: {
    __resolveReference: (ref: { id: string }, ctx) => ctx.loaders.householdById.load(ref.id),
  },
  Resident: {
    __resolveReference: (ref: { id: string }, ctx) => ctx.loaders.residentById.load(ref.id),
  },
  AdminUnit: {
    __resolveReference: (ref: { code: string }) => ref,
  },
};
