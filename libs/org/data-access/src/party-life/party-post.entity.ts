import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 设岗定责 post kinds. */
export enum PartyPostKind {
  PUBLIC_ORDER = 'PUBLIC_ORDER',
  SERVICE = 'SERVICE',
  CULTURE = 'CULTURE',
  HYGIENE = 'HYGIENE',
  POLICY_PROMOTION = 'POLICY_PROMOTION',
  OTHER = 'OTHER',
}

@Entity('party_post')
export class PartyPostEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  branchId!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: PartyPostKind;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'text' })
  duties!: string;

  /** The member holding the post, if assigned. */
  @Column({ type: 'uuid', nullable: true })
  memberId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
