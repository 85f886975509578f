import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum PartyMemberStatus {
  FULL = 'FULL',
  PROBATIONARY = 'PROBATIONARY',
}

@Entity('party_member')
export class PartyMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  branchId!: string;

  /** The branch's unit, kept here so scoped lists need no join. */
  @Column({ type: 'varchar', length: 12 })
  unitCode!: string;

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: PartyMemberStatus;

  @Column({ type: 'date' })
  joinedOn!: string;

  @Column({ type: 'date', nullable: true })
  fullMemberOn!: string | null;

  /** grid-service's Resident, when the member lives in a managed grid. */
  @Column({ type: 'uuid', nullable: true })
  residentId!: string | null;

  /** 流动党员: away from the branch's area for work or study. */
  @Column({ type: 'boolean', default: false })
  mobile!: boolean;

  /** 在职党员双报到: works elsewhere and registers at the home community. */
  @Column({ type: 'boolean', default: false })
  inService!: boolean;

  @Column({ type: 'varchar', length: 100, nullable: true })
  workUnit!: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  registeredUnitCode!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
