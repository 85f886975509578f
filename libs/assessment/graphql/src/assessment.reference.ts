import type { ReferenceResolvers } from '@gridgov/platform-graphql';
import type { AssessmentContext } from './assessment-context';

/**
 * Entities the gateway enters this subgraph through. The auth checker does not run here, so a
 * result resolves only for callers who may read it; the other entities are only keys.
 */
export const assessmentReferences: ReferenceResolvers<AssessmentContext> = {
  AssessmentResult: {
    __resolveReference: (ref: { id: string }, ctx) => ctx.results.get(ref.id).catch(() => null),
  },
  Account: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
  AdminUnit: { __resolveReference: (ref: { code: string }) => ({ code: ref.code }) },
  Department: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
};
