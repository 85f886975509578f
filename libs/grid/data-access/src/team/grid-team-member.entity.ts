import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum TeamRole {
  /** 网格责任人 */
  RESPONSIBLE = 'RESPONSIBLE',
  /** 民情传递员 */
  MESSENGER = 'MESSENGER',
  /** 协勤 */
  HELPER = 'HELPER',
}

export enum HelperKind {
  GROUP_LEADER = 'GROUP_LEADER',
  BUILDING_HEAD = 'BUILDING_HEAD',
  GUARD = 'GUARD',
  PROPERTY_STAFF = 'PROPERTY_STAFF',
  VOLUNTEER = 'VOLUNTEER',
}

/** One person's service in a grid's team for a period; the phone is the post's public one (it goes on the board). */
@Entity('grid_team_member')
export class GridTeamMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  gridId!: string;

  @Column({ type: 'varchar', length: 15 })
  gridCode!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: TeamRole;

  @Column({ type: 'varchar', length: 16, nullable: true })
  helperKind!: HelperKind | null;

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  publicPhone!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  photoUrl!: string | null;

  /** The org-service account of a grid worker, when the member has one. */
  @Column({ type: 'uuid', nullable: true })
  accountId!: string | null;

  /** 'YYYY-MM-DD'. */
  @Column({ type: 'date' })
  startsOn!: string;

  /** 'YYYY-MM-DD', the last day served; null while serving. */
  @Column({ type: 'date', nullable: true })
  endsOn!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
