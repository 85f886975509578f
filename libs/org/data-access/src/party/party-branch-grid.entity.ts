import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A branch built on a grid (grid-service owns the grid; only its code is kept). */
@Entity('party_branch_grid')
export class PartyBranchGridEntity {
  @PrimaryColumn({ type: 'uuid' })
  organizationId!: string;

  @PrimaryColumn({ type: 'varchar', length: 15 })
  gridCode!: string;

  /** A member of the branch (usually its secretary) serving as the grid's party assistant (网格助理). */
  @Column({ type: 'uuid', nullable: true })
  assistantMemberId!: string | null;
}
