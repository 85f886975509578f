import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ClockChange } from './ticket-transitions';

/** A request to the ticket worker to (re)arm or stop a ticket's SLA timers; ids only, the worker re-reads the ticket. */
@Entity('ticket_outbox')
export class TicketOutboxEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: string;

  @Column({ type: 'uuid' })
  ticketId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ClockChange;

  /** The ticket's SLA version the timers belong to; a timer of an older version does nothing. */
  @Column({ type: 'integer' })
  slaVersion!: number;

  /** `eventId`: the timeline entry that changed the clock; null when an SLA policy change re-timed it. */
  @Column({ type: 'jsonb' })
  payload!: { ticketId: string; eventId: string | null };

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
