import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What an admin changed in how tickets are handled. */
export enum TicketConfigChangeKind {
  SLA_POLICY_CREATE = 'SLA_POLICY_CREATE',
  SLA_POLICY_UPDATE = 'SLA_POLICY_UPDATE',
  CALENDAR_DAY_SET = 'CALENDAR_DAY_SET',
  CALENDAR_DAY_CLEAR = 'CALENDAR_DAY_CLEAR',
  CATEGORY_CREATE = 'CATEGORY_CREATE',
  CATEGORY_ENABLE = 'CATEGORY_ENABLE',
  CATEGORY_DISABLE = 'CATEGORY_DISABLE',
  RESPONSIBILITY_SET = 'RESPONSIBILITY_SET',
  RESPONSIBILITY_REMOVE = 'RESPONSIBILITY_REMOVE',
}

/**
 * One configuration change, written in the change's own transaction. `scopeCode` is where it
 * applies ('' platform-wide, else a unit code prefix), for scoped reading; before/after hold the
 * configuration values only (ids and codes, never personal data).
 */
@Entity('ticket_config_audit')
export class TicketConfigAuditEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  actorId!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: TicketConfigChangeKind;

  /** What was changed: the policy id, the day, the category code, or `unitCode/categoryPrefix`. */
  @Column({ type: 'varchar', length: 80 })
  key!: string;

  @Column({ type: 'varchar', length: 15 })
  scopeCode!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  /** What the change did beyond itself, e.g. `{ retimedTickets: 3 }`. */
  @Column({ type: 'jsonb', nullable: true })
  effects!: Record<string, unknown> | null;

  /** Millisecond precision, as page cursors carry it. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at!: Date;
}
