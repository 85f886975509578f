import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { TicketMode } from '../ticket/ticket.enums';
import type { CategoryAttribute } from './category-attribute';

/** One node of the coded category catalogue; the dotted code names its parent (`CITY_MANAGEMENT.ROAD` → `CITY_MANAGEMENT`). */
@Entity('ticket_category')
export class TicketCategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code!: string;

  /** Null for a top-level category. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  parentCode!: string | null;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  /** The mode a report takes when it names none. */
  @Column({ type: 'varchar', length: 16 })
  defaultMode!: TicketMode;

  /** Extra fields asked at intake (Open311 attributes); children inherit their ancestors'. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  attributes!: CategoryAttribute[];

  /** Disabled categories (and their children) take no new reports; existing tickets keep them. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'integer', default: 0 })
  sortOrder!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
