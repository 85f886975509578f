import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Satisfaction, SupervisionColor, TicketChannel, TicketMode, TicketStatus } from './ticket.enums';

@Entity('ticket')
export class TicketEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Human-readable, e.g. `T2026-000123`; see `formatTicketNumber`. */
  @Column({ type: 'varchar', length: 24 })
  number!: string;

  @Column({ type: 'varchar', length: 15 })
  gridCode!: string;

  /** The community: the first 12 digits of the grid code, kept for prefix scope and statistics. */
  @Column({ type: 'varchar', length: 12 })
  adminUnitCode!: string;

  /** Dotted code of the category catalogue, e.g. `CITY_MANAGEMENT.ROAD`. */
  @Column({ type: 'varchar', length: 64 })
  categoryCode!: string;

  @Column({ type: 'varchar', length: 16 })
  mode!: TicketMode;

  @Column({ type: 'varchar', length: 16 })
  status!: TicketStatus;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 24 })
  channel!: TicketChannel;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  photos!: string[];

  /** Values of the category's extra fields (Open311 attributes), by attribute code. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes!: Record<string, string[]>;

  /** An org account; org-service owns accounts, so no foreign key. */
  @Column({ type: 'uuid' })
  reporterId!: string;

  /** grid-service's household and resident, when the ticket concerns one. */
  @Column({ type: 'uuid', nullable: true })
  householdId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  residentId!: string | null;

  /** 首问负责: the first staff member who accepted it; null until accepted. */
  @Column({ type: 'uuid', nullable: true })
  ownerAccountId!: string | null;

  /** The unit handling it now: the community at first, a parent unit's code prefix after escalation. */
  @Column({ type: 'varchar', length: 12 })
  handlingUnitCode!: string;

  /** The status a suspended ticket resumes to. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  suspendedFrom!: TicketStatus | null;

  /** The reporter's latest rating. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  satisfaction!: Satisfaction | null;

  @Column({ type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  /** How often it was reopened (返工): failed verification or an unsatisfied rating. */
  @Column({ type: 'integer', default: 0 })
  reworkCount!: number;

  @Column({ type: 'varchar', length: 8, default: SupervisionColor.GREEN })
  supervisionColor!: SupervisionColor;

  /** Increases with every new SLA clock (accept, resolve, verify, rework); timers of older versions do nothing. */
  @Column({ type: 'integer', default: 1 })
  slaVersion!: number;

  /** The running SLA clock (null when none runs): its stage, start, and the instants it turns YELLOW, ORANGE (deadline) and RED. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  clockStage!: 'ACCEPT' | 'RESOLVE' | 'VERIFY' | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  clockStartedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  warningAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  deadlineAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  redAt!: Date | null;

  /** Some clock of this ticket ran past its deadline (so it was not handled on time). */
  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  /** Under leader supervision (督办): RED whatever the clock says. */
  @Column({ type: 'boolean', default: false })
  supervised!: boolean;

  /** Time the running clock stood still before its last resume (its instants were shifted by it); a policy change keeps it. */
  @Column({ type: 'double precision', default: 0 })
  clockPausedMs!: number;

  /** Set while suspended: the clock stands still. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  pausedAt!: Date | null;

  /** Optimistic lock: concurrent transitions of one ticket must not overwrite each other. */
  @VersionColumn({ type: 'integer' })
  version!: number;

  /** Millisecond precision so keyset cursors (JS dates) compare exactly. */
  @Column({ type: 'timestamptz', precision: 3 })
  reportedAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
