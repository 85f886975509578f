import DataLoader from 'dataloader';
import type { BaseContext } from '@gridgov/platform-graphql';
import { type TicketEntity, type TicketEventEntity, TicketService } from '@gridgov/ticket-data-access';

export interface TicketContext extends BaseContext {
  tickets: TicketService;
  /** Per-request, batched. `ticketById` returns null for what the caller may not read. */
  loaders: {
    ticketById: DataLoader<string, TicketEntity | null>;
    timelineByTicketId: DataLoader<string, TicketEventEntity[]>;
  };
}

export function createTicketContext(base: BaseContext): TicketContext {
  const tickets = new TicketService(base.dataSource, base.auth);
  return {
    ...base,
    tickets,
    loaders: {
      ticketById: new DataLoader((ids) => tickets.findVisibleByIds(ids)),
      timelineByTicketId: new DataLoader((ids) => tickets.timelines(ids)),
    },
  };
}
