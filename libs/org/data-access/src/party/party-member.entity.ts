import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 亮身份: how a member appears on the public board of their grid / community. */
export enum IdentityDisplay {
  HIDDEN = 'HIDDEN',
  /** Surname only (王**); staff with party:read in scope still see the full name. */
  MASKED = 'MASKED',
  FULL = 'FULL',
}

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

  /** Where a mobile member is (city, employer …). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  mobileLocation!: string | null;

  @Column({ type: 'date', nullable: true })
  mobileSince!: string | null;

  /** The branch a mobile member keeps in touch with where they are (流入地党组织). */
  @Column({ type: 'uuid', nullable: true })
  mobileContactBranchId!: string | null;

  /** The contact branch's unit: its party staff see the member too. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  mobileContactUnitCode!: string | null;

  /** 在职党员双报到: works elsewhere and registers at the home community. */
  @Column({ type: 'boolean', default: false })
  inService!: boolean;

  @Column({ type: 'varchar', length: 100, nullable: true })
  workUnit!: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  registeredUnitCode!: string | null;

  @Column({ type: 'varchar', length: 8, default: IdentityDisplay.HIDDEN })
  identityDisplay!: IdentityDisplay;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
