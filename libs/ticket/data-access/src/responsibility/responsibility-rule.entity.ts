import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * One line of a responsibility list (责任清单): in a unit and everything below it, tickets of a
 * category (and its children) go to this lead department (主体责任) with these cooperating ones
 * (配合责任). Department ids are org-service's (no foreign key).
 */
@Entity('responsibility_rule')
export class ResponsibilityRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** A unit's significant code prefix (2, 4, 6, 9 or 12 digits). */
  @Column({ type: 'varchar', length: 12 })
  unitCode!: string;

  /** A category code; '' covers every category. */
  @Column({ type: 'varchar', length: 64, default: '' })
  categoryPrefix!: string;

  @Column({ type: 'uuid' })
  leadDepartmentId!: string;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  cooperatingDepartmentIds!: string[];

  @Column({ type: 'uuid' })
  updatedBy!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
