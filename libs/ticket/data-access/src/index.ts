import { TicketInitial1764100000000 } from './migrations/1764100000000-ticket-initial';
import { TicketEventEntity } from './ticket/ticket-event.entity';
import { TicketEntity } from './ticket/ticket.entity';

export { DEMO_REPORTER_ID, seedTicketDemo } from './demo/ticket-demo.seed';
export { TicketEventEntity } from './ticket/ticket-event.entity';
export {
  checkReportInput,
  formatTicketNumber,
  MAX_PHOTOS,
  type NewTicket,
  type ReportTicketInput,
} from './ticket/ticket-input';
export { TicketEntity } from './ticket/ticket.entity';
export { SupervisionColor, TicketChannel, TicketMode, TicketStatus } from './ticket/ticket.enums';
export { TicketService, writeNewTicket, type TicketFilter } from './ticket/ticket.service';

/** The ticket schema: every table ticket-service owns, and its migrations in order. */
export const ticketDatabase = {
  schema: 'ticket',
  entities: [TicketEntity, TicketEventEntity],
  migrations: [TicketInitial1764100000000],
};
