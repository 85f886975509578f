import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('party_member_transfer')
export class PartyMemberTransferEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'uuid' })
  fromBranchId!: string;

  @Column({ type: 'uuid' })
  toBranchId!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid' })
  transferredBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  transferredAt!: Date;
}
