import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DispatchRole, DispatchStatus } from './ticket-transitions';

/** One dispatch of a ticket: to a department (org-service's id, no foreign key) or to a grid worker's account. */
@Entity('ticket_dispatch')
export class TicketDispatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  ticketId!: string;

  @Column({ type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  accountId!: string | null;

  @Column({ type: 'varchar', length: 12 })
  role!: DispatchRole;

  @Column({ type: 'varchar', length: 12 })
  status!: DispatchStatus;

  @Column({ type: 'text', nullable: true })
  returnedReason!: string | null;

  @Column({ type: 'uuid' })
  dispatchedBy!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  dispatchedAt!: Date;
}
