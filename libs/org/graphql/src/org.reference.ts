import type { ReferenceResolvers } from '@gridgov/platform-graphql';
import type { OrgContext } from './org-context';

/**
 * Entities other subgraphs point at. type-graphql's auth checker does not run here, so the
 * loaders themselves return null for what the caller may not see.
 */
export const orgReferences: ReferenceResolvers<OrgContext> = {
  AdminUnit: {
    __resolveReference: (ref: { id?: string; code?: string }, ctx) =>
      ref.id ? ctx.loaders.adminUnitById.load(ref.id) : ref.code ? ctx.loaders.adminUnitByCode.load(ref.code) : null,
  },
  Account: {
    __resolveReference: (ref: { id: string }, ctx) => ctx.loaders.accountById.load(ref.id),
  },
};
