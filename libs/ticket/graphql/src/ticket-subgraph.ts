import type { SubgraphDefinition } from '@gridgov/platform-graphql';
import { seedTicketDemo, ticketDatabase } from '@gridgov/ticket-data-access';
import { GridTicketsResolver } from './grid/grid-tickets.resolver';
import { createTicketContext, type TicketContext } from './ticket-context';
import { ticketReferences } from './ticket.reference';
import { TicketEventResolver, TicketResolver } from './ticket/ticket.resolver';

/** The ticket subgraph: tickets and their timeline, and `Grid.tickets`. */
export function createTicketSubgraph(): SubgraphDefinition<TicketContext> {
  return {
    name: 'ticket',
    resolvers: [TicketResolver, TicketEventResolver, GridTicketsResolver],
    references: ticketReferences,
    database: ticketDatabase,
    createContext: createTicketContext,
    seedDemo: seedTicketDemo,
  };
}
