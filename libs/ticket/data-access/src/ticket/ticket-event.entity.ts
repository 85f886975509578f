import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TicketAction, TicketStatus } from './ticket.enums';

/** One timeline entry: every status change (creation included) writes exactly one, in the same transaction. */
@Entity('ticket_event')
export class TicketEventEntity {
  /** Identity column: gives the timeline its order even within one transaction. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: string;

  @Column({ type: 'uuid' })
  ticketId!: string;

  /** The account that acted (org-service owns accounts). */
  @Column({ type: 'uuid' })
  actorId!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  at!: Date;

  /** What was done (`REPORT` for the creation entry); see `TRANSITIONS`. */
  @Column({ type: 'varchar', length: 16 })
  action!: TicketAction;

  /** Null for the creation entry. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus!: TicketStatus | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus!: TicketStatus;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  photos!: string[];
}
