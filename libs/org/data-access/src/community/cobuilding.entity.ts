import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum CobuildingResourceKind {
  VENUE = 'VENUE',
  FUNDS = 'FUNDS',
  VOLUNTEERS = 'VOLUNTEERS',
  EXPERTISE = 'EXPERTISE',
}

export interface CobuildingResource {
  kind: CobuildingResourceKind;
  description: string;
}

/** A 共驻共建 / 双报到 unit registered to a community (and optionally one grid). */
@Entity('cobuilding_unit')
export class CobuildingUnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12 })
  unitCode!: string;

  @Column({ type: 'varchar', length: 15, nullable: true })
  gridCode!: string | null;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'jsonb', default: [] })
  resources!: CobuildingResource[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** 结对共建: a co-building unit paired with a branch, and what they did together. */
@Entity('cobuilding_pairing')
export class CobuildingPairingEntity {
  @PrimaryColumn({ type: 'uuid' })
  cobuildingUnitId!: string;

  @PrimaryColumn({ type: 'uuid' })
  branchId!: string;

  @Column({ type: 'date' })
  since!: string;

  @Column({ type: 'text', array: true, default: '{}' })
  jointActivities!: string[];
}
