import type { EntityManager } from 'typeorm';
import { NotificationChannel, type NotificationJob } from '@gridgov/platform-queue';
import type { TicketEntity } from '../ticket/ticket.entity';
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

/**
 * What asks the ticket worker to notify the leaders of the unit now handling an EMERGENCY ticket
 * (the district) at once: intake's NOTIFY_LEADERS outbox row carries it finished (ids, number and
 * codes only), and the relay enqueues it on QueueName.NOTIFICATIONS as it is.
 */
export function leaderNotification(
  ticket: Pick<TicketEntity, 'id' | 'number' | 'categoryCode' | 'gridCode' | 'handlingUnitCode'>,
): NotificationJob {
  return {
    // Stable per ticket, so a replayed row notifies once; BullMQ job ids take no colons.
    notificationId: `ticket.${ticket.id}.EMERGENCY`,
    template: 'TICKET_EMERGENCY',
    recipients: { leadersOfUnitCode: ticket.handlingUnitCode },
    params: { ticketNumber: ticket.number, categoryCode: ticket.categoryCode, gridCode: ticket.gridCode },
    link: `ticket:${ticket.id}`,
    channels: [NotificationChannel.INBOX, NotificationChannel.SMS],
  };
}
