import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TicketMode } from '../ticket/ticket.enums';
import type { SlaUnit } from './sla-policy';

export type UnitLevel = 'COMMUNITY' | 'STREET' | 'DISTRICT' | 'CITY';
export const UNIT_LEVELS: readonly UnitLevel[] = ['COMMUNITY', 'STREET', 'DISTRICT', 'CITY'];

/** One SLA policy: the clocks of tickets of a category prefix × mode handled at a unit level. */
@Entity('sla_policy')
export class SlaPolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** A category code; '' covers every category. The longest matching prefix wins. */
  @Column({ type: 'varchar', length: 64, default: '' })
  categoryPrefix!: string;

  @Column({ type: 'varchar', length: 16 })
  mode!: TicketMode;

  @Column({ type: 'varchar', length: 12 })
  unitLevel!: UnitLevel;

  @Column({ type: 'integer' })
  acceptAmount!: number;

  @Column({ type: 'varchar', length: 16 })
  acceptUnit!: SlaUnit;

  @Column({ type: 'integer' })
  resolveAmount!: number;

  @Column({ type: 'varchar', length: 16 })
  resolveUnit!: SlaUnit;

  @Column({ type: 'integer' })
  verifyAmount!: number;

  @Column({ type: 'varchar', length: 16 })
  verifyUnit!: SlaUnit;

  /** numeric(4,3): read as a string by pg. */
  @Column({ type: 'numeric', precision: 4, scale: 3, default: 0.667 })
  warningRatio!: string;

  @Column({ type: 'integer', default: 1440 })
  redAfterMinutes!: number;

  /** The ticket worker escalates a RED ticket to the parent unit by itself. */
  @Column({ type: 'boolean', default: false })
  escalateOnRed!: boolean;

  @Column({ type: 'integer', default: 3 })
  ratingReminderDays!: number;

  @Column({ type: 'integer', default: 7 })
  autoCloseDays!: number;
}
