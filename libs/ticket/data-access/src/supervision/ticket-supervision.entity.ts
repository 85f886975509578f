import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 督办: a leader's opinion on a ticket, and the handler's reply. */
@Entity('ticket_supervision')
export class TicketSupervisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  ticketId!: string;

  @Column({ type: 'uuid' })
  leaderId!: string;

  @Column({ type: 'text' })
  opinion!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'text', nullable: true })
  reply!: string | null;

  @Column({ type: 'uuid', nullable: true })
  repliedBy!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  repliedAt!: Date | null;
}
