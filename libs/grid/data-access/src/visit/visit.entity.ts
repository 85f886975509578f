import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One point of a patrol track (行走轨迹). */
export interface TrackPoint {
  longitude: number;
  latitude: number;
  at: string;
}

@Entity('visit')
export class VisitEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 15 })
  gridCode!: string;

  @Column({ type: 'uuid', nullable: true })
  householdId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  residentId!: string | null;

  @Column({ type: 'uuid' })
  visitorAccountId!: string;

  @Column({ type: 'timestamptz' })
  visitedAt!: Date;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'text' })
  notes!: string;

  @Column({ type: 'text' })
  findings!: string;

  @Column({ type: 'text', array: true })
  photoUrls!: string[];

  @Column({ type: 'jsonb', nullable: true })
  track!: TrackPoint[] | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
