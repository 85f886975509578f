import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationJob } from '@gridgov/platform-queue';
import type { ClockChange } from './ticket-transitions';

/** An outbox row that asks for a notification, not for timers: `payload.notification` is enqueued as it is. */
export const NOTIFY_LEADERS = 'NOTIFY_LEADERS';

/** A request to the ticket worker to (re)arm or stop a ticket's SLA timers (ids only, the worker re-reads the ticket), or to send a notification. */
@Entity('ticket_outbox')
export class TicketOutboxEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: string;

  @Column({ type: 'uuid' })
  ticketId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ClockChange | typeof NOTIFY_LEADERS;

  /** The ticket's SLA version the timers belong to; a timer of an older version does nothing. */
  @Column({ type: 'integer' })
  slaVersion!: number;

  /** `eventId`: the timeline entry that changed the clock; null when an SLA policy change re-timed it. */
  @Column({ type: 'jsonb' })
  payload!: { ticketId: string; eventId: string | null; notification?: NotificationJob };

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
