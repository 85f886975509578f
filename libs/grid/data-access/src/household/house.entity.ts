import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { HouseUse } from './household-enums';

/** One dwelling or shop: unit (单元), floor and number within a building. */
@Entity('house')
export class HouseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  buildingId!: string;

  @Column({ type: 'varchar', length: 15 })
  gridCode!: string;

  @Column({ type: 'smallint' })
  unit!: number;

  @Column({ type: 'smallint' })
  floor!: number;

  @Column({ type: 'varchar', length: 20 })
  number!: string;

  @Column({ type: 'varchar', length: 16 })
  use!: HouseUse;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
