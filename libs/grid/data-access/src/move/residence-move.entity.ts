import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A household moving house, or a resident moving to another household or grid; never updated. */
@Entity('residence_move')
export class ResidenceMoveEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  residentId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  householdId!: string | null;

  @Column({ type: 'varchar', length: 15 })
  fromGridCode!: string;

  @Column({ type: 'varchar', length: 15 })
  toGridCode!: string;

  @Column({ type: 'uuid', nullable: true })
  fromHouseId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  toHouseId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  fromHouseholdId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  toHouseholdId!: string | null;

  /** 'YYYY-MM-DD'. */
  @Column({ type: 'date' })
  movedOn!: string;

  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
