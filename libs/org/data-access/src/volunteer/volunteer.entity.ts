import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('volunteer_team')
export class VolunteerTeamEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12 })
  unitCode!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('volunteer_activity')
export class VolunteerActivityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  teamId!: string;

  /** The team's unit, kept here so scoped lists need no join. */
  @Column({ type: 'varchar', length: 12 })
  unitCode!: string;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'varchar', length: 200 })
  place!: string;

  @Column({ type: 'varchar', length: 15, nullable: true })
  gridCode!: string | null;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'integer' })
  capacity!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('volunteer_signup')
export class VolunteerSignupEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  activityId!: string;

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  @Column({ type: 'uuid', nullable: true })
  partyMemberId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  residentId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  checkedInAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  checkedOutAt!: Date | null;

  /** Credited at check-out; the assessment service reads hours for points. */
  @Column({ type: 'integer', nullable: true })
  serviceMinutes!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
