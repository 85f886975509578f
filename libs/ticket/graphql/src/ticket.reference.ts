import type { ReferenceResolvers } from '@gridgov/platform-graphql';
import type { TicketContext } from './ticket-context';

/**
 * Entities the gateway enters this subgraph through. type-graphql's auth checker does not run here,
 * so the ticket loader returns null for tickets the caller may not read; a `Grid`, `Department` or `Household` is only a
 * key (their `tickets` fields check scope themselves).
 */
export const ticketReferences: ReferenceResolvers<TicketContext> = {
  Ticket: {
    __resolveReference: (ref: { id: string }, ctx) => ctx.loaders.ticketById.load(ref.id),
  },
  Grid: {
    __resolveReference: (ref: { code: string }) => ({ code: ref.code }),
  },
  Department: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  },
  Household: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  },
};
