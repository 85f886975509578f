import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A member's public pledge (承诺). */
@Entity('party_pledge')
export class PartyPledgeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  memberId!: string;

  @Column({ type: 'varchar', length: 500 })
  content!: string;

  @Column({ type: 'date' })
  pledgedOn!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
