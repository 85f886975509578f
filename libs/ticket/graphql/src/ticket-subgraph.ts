import type { SubgraphDefinition } from '@gridgov/platform-graphql';
import { seedTicketDemo, ticketDatabase } from '@gridgov/ticket-data-access';
import { TicketFactsResolver } from './facts/ticket-facts.resolver';
import { TicketCategoryResolver } from './catalogue/ticket-category.resolver';
import { ResponsibilityResolver } from './responsibility/responsibility.resolver';
import { SlaAdminResolver } from './sla/sla-admin.resolver';
import { TicketConfigAuditResolver } from './audit/ticket-config-audit.resolver';
import { HouseholdRef } from './household/household-ref.type';
import { HouseholdTicketsResolver } from './household/household-tickets.resolver';
import { DepartmentRef } from './department/department-ref.type';
import { DepartmentTicketsResolver } from './department/department-tickets.resolver';
import { GridTicketsResolver } from './grid/grid-tickets.resolver';
import { createTicketContext, type TicketContext } from './ticket-context';
import { ticketReferences } from './ticket.reference';
import { TicketEventResolver, TicketResolver } from './ticket/ticket.resolver';
import {
  GridTicketStatsResolver,
  TicketStatsResolver,
  TicketStatsSeriesResolver,
} from './stats/ticket-stats.resolver';
import { TicketSupervisionResolver } from './supervision/ticket-supervision.resolver';
import { TicketWorkflowResolver } from './workflow/ticket-workflow.resolver';

/** The ticket subgraph: tickets, their workflow and timeline, configuration, statistics, `Grid.tickets`, `Department.tickets`, `Household.tickets`. */
export function createTicketSubgraph(): SubgraphDefinition<TicketContext> {
  return {
    name: 'ticket',
    resolvers: [
      TicketResolver,
      TicketEventResolver,
      TicketCategoryResolver,
      ResponsibilityResolver,
      SlaAdminResolver,
      TicketConfigAuditResolver,
      TicketWorkflowResolver,
      TicketSupervisionResolver,
      GridTicketsResolver,
      TicketStatsResolver,
      GridTicketStatsResolver,
      DepartmentTicketsResolver,
      HouseholdTicketsResolver,
      TicketStatsSeriesResolver,
      TicketFactsResolver,
    ],
    // Reached only through the gateway's entity references, not from a Query field.
    orphanedTypes: [DepartmentRef, HouseholdRef],
    references: ticketReferences,
    database: ticketDatabase,
    createContext: createTicketContext,
    seedDemo: seedTicketDemo,
  };
}
