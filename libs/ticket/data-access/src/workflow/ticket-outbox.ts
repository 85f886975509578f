import type { EntityManager } from 'typeorm';
import type { TicketStatus } from '../ticket/ticket.enums';
import { TicketOutboxEntity } from './ticket-outbox.entity';
import { clockChange } from './ticket-transitions';

/** Writes the outbox row a status change needs, if any, in the caller's transaction. */
export async function writeClockChange(
  manager: EntityManager,
  ticket: { id: string; slaVersion: number },
  from: TicketStatus | null,
  to: TicketStatus,
  eventId: string,
  unitChanged = false,
): Promise<void> {
  const kind = clockChange(from, to, unitChanged);
  if (!kind) return;
  await manager.insert(TicketOutboxEntity, {
    ticketId: ticket.id,
    kind,
    slaVersion: ticket.slaVersion,
    payload: { ticketId: ticket.id, eventId },
  });
}
