import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 党委 → 党总支 → 党支部 → 党小组, in this order. */
export enum PartyOrganizationLevel {
  COMMITTEE = 'COMMITTEE',
  GENERAL_BRANCH = 'GENERAL_BRANCH',
  BRANCH = 'BRANCH',
  GROUP = 'GROUP',
}

export const PARTY_LEVEL_ORDER = Object.values(PartyOrganizationLevel);

export enum PartyOrganizationKind {
  COMMUNITY = 'COMMUNITY',
  GRID = 'GRID',
  BUILDING = 'BUILDING',
  NON_PUBLIC_ENTERPRISE = 'NON_PUBLIC_ENTERPRISE',
  SOCIAL_ORGANIZATION = 'SOCIAL_ORGANIZATION',
  AGENCY = 'AGENCY',
}

/** A party organisation owned at an administrative unit (its 12-digit code). */
@Entity('party_organization')
export class PartyOrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12 })
  unitCode!: string;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  level!: PartyOrganizationLevel;

  @Column({ type: 'varchar', length: 32 })
  kind!: PartyOrganizationKind;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** 书记: a member of the organisation (often also the grid's assistant, 网格助理). */
  @Column({ type: 'uuid', nullable: true })
  secretaryMemberId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
