import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { HouseholdKind } from './household-enums';

@Entity('household')
export class HouseholdEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  houseId!: string;

  @Column({ type: 'varchar', length: 15 })
  gridCode!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: HouseholdKind;

  @Column({ type: 'uuid', nullable: true })
  headResidentId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
