import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { SupervisionColor, TicketChannel, TicketMode, TicketStatus } from './ticket.enums';

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

  /** An org account; org-service owns accounts, so no foreign key. */
  @Column({ type: 'uuid' })
  reporterId!: string;

  /** grid-service's household and resident, when the ticket concerns one. */
  @Column({ type: 'uuid', nullable: true })
  householdId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  residentId!: string | null;

  @Column({ type: 'varchar', length: 8, default: SupervisionColor.GREEN })
  supervisionColor!: SupervisionColor;

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
