import DataLoader from 'dataloader';
import type { BaseContext } from '@gridgov/platform-graphql';
import {
  ResponsibilityService,
  SlaPolicyService,
  TicketConfigAuditService,
  WorkingCalendarService,
  type TicketCategoryEntity,
  TicketCategoryService,
  type TicketDispatchEntity,
  type TicketEntity,
  type TicketEventEntity,
  TicketService,
  TicketStatsService,
  type TicketSupervisionEntity,
  TicketSupervisionService,
  TicketWorkflowService,
} from '@gridgov/ticket-data-access';

export interface TicketContext extends BaseContext {
  tickets: TicketService;
  categories: TicketCategoryService;
  responsibility: ResponsibilityService;
  slaPolicies: SlaPolicyService;
  calendar: WorkingCalendarService;
  configAudit: TicketConfigAuditService;
  workflow: TicketWorkflowService;
  supervision: TicketSupervisionService;
  stats: TicketStatsService;
  /** Per-request, batched. `ticketById` returns null for what the caller may not read. */
  loaders: {
    ticketById: DataLoader<string, TicketEntity | null>;
    timelineByTicketId: DataLoader<string, TicketEventEntity[]>;
    dispatchesByTicketId: DataLoader<string, TicketDispatchEntity[]>;
    categoryByCode: DataLoader<string, TicketCategoryEntity | null>;
    supervisionsByTicketId: DataLoader<string, TicketSupervisionEntity[]>;
  };
}

export function createTicketContext(base: BaseContext): TicketContext {
  const tickets = new TicketService(base.dataSource, base.auth);
  const supervision = new TicketSupervisionService(base.dataSource, base.auth);
  const categories = new TicketCategoryService(base.dataSource, base.auth);
  return {
    ...base,
    tickets,
    categories,
    responsibility: new ResponsibilityService(base.dataSource, base.auth),
    slaPolicies: new SlaPolicyService(base.dataSource, base.auth),
    calendar: new WorkingCalendarService(base.dataSource, base.auth),
    configAudit: new TicketConfigAuditService(base.dataSource, base.auth),
    workflow: new TicketWorkflowService(base.dataSource, base.auth),
    supervision,
    stats: new TicketStatsService(base.dataSource, base.auth),
    loaders: {
      ticketById: new DataLoader((ids) => tickets.findVisibleByIds(ids)),
      timelineByTicketId: new DataLoader((ids) => tickets.timelines(ids)),
      dispatchesByTicketId: new DataLoader((ids) => tickets.dispatches(ids)),
      categoryByCode: new DataLoader((codes) => categories.byCodes(codes)),
      supervisionsByTicketId: new DataLoader((ids) => supervision.forTickets(ids)),
    },
  };
}
