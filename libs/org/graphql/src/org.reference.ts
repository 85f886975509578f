import type { ReferenceResolvers } from '@gridgov/platform-graphql';
import type { OrgContext } from './org-context';

/**
 * Entities other subgraphs point at. type-graphql's auth checker does not run here, so the
 * loaders themselves return null for what the caller may not see.
 */
export const orgReferences: ReferenceResolvers<OrgContext> = {
  AdminUnit: {
    __resolveReference: (ref: { id?: string; code?: string }, ctx) =>
      ref.id
        ? ctx.loaders.adminUnitById.load(ref.id)
        : ref.code
          ? ctx.loaders.adminUnitByCode.load(ref.code)
          : null,
  },
  Account: {
    __resolveReference: (ref: { id: string }, ctx) => ctx.loaders.accountById.load(ref.id),
  },
  Department: {
    __resolveReference: (ref: { id: string }, ctx) => ctx.loaders.departmentById.load(ref.id),
  },
  PartyOrganization: {
    __resolveReference: (ref: { id: string }, ctx) => ctx.loaders.partyOrganizationById.load(ref.id),
  },
  PartyMember: {
    __resolveReference: (ref: { id: string }, ctx) => ctx.loaders.partyMemberById.load(ref.id),
  },
  // grid-service owns grids; org only adds fields to them.
  Grid: {
    __resolveReference: (ref: { code: string }) => ({ code: ref.code }),
  },
};
