import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One computation of a scheme for a period; a re-run is a new version, the old one stays. */
@Entity('assessment_run')
export class AssessmentRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  schemeId!: string;

  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'timestamptz' })
  periodStart!: Date;

  @Column({ type: 'timestamptz' })
  periodEnd!: Date;

  @Column({ type: 'int' })
  subjectCount!: number;

  /** Null for scheduled runs. */
  @Column({ type: 'uuid', nullable: true })
  startedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
