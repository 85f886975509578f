import type { EntityManager } from 'typeorm';
import { NotificationChannel, type NotificationJob } from '@gridgov/platform-queue';
import type { TicketEntity } from '../ticket/ticket.entity';
import type { TicketStatus } from '../ticket/ticket.enums';
import { NOTIFY_LEADERS, TicketOutboxEntity } from './ticket-outbox.entity';
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
 * Asks the ticket worker to notify the leaders of the unit now handling an EMERGENCY ticket (the
 * district) at once: the outbox row carries the finished notification (ids, number and codes only),
 * which the relay enqueues on QueueName.NOTIFICATIONS as it is.
 */
export async function writeLeaderNotification(
  manager: EntityManager,
  ticket: Pick<
    TicketEntity,
    'id' | 'number' | 'categoryCode' | 'gridCode' | 'handlingUnitCode' | 'slaVersion'
  >,
  eventId: string,
): Promise<void> {
  const notification: NotificationJob = {
    // Stable per ticket, so a replayed row notifies once; BullMQ job ids take no colons.
    notificationId: `ticket.${ticket.id}.EMERGENCY`,
    template: 'TICKET_EMERGENCY',
    recipients: { leadersOfUnitCode: ticket.handlingUnitCode },
    params: { ticketNumber: ticket.number, categoryCode: ticket.categoryCode, gridCode: ticket.gridCode },
    link: `ticket:${ticket.id}`,
    channels: [NotificationChannel.INBOX, NotificationChannel.SMS],
  };
  await manager.insert(TicketOutboxEntity, {
    ticketId: ticket.id,
    kind: NOTIFY_LEADERS,
    slaVersion: ticket.slaVersion,
    payload: { ticketId: ticket.id, eventId, notification },
  });
}
