import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numeric } from '../columns';

/** What a review or survey scores: a subject on a manual indicator of a scheme for a period. */
abstract class ReviewTargetColumns {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  schemeId!: string;

  @Column({ type: 'varchar', length: 40 })
  indicatorCode!: string;

  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Column({ type: 'varchar', length: 64 })
  subjectId!: string;

  /** As the reviewer gave it (scope was checked on it); a run counts the score only if it matches the subject. */
  @Column({ type: 'varchar', length: 15 })
  subjectUnitCode!: string;
}

/** One reviewer's score (0–100) of one subject on one manual indicator for a period. */
@Entity('assessment_review')
export class AssessmentReviewEntity extends ReviewTargetColumns {
  @Column({ type: 'uuid' })
  reviewerId!: string;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numeric })
  score!: number;

  @Column({ type: 'varchar', length: 500 })
  comment!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}

/** 群众满意度测评 of one subject: sampled residents, each with a one-time token (only its hash is kept). */
@Entity('assessment_survey')
export class AssessmentSurveyEntity extends ReviewTargetColumns {
  /** Where the residents were sampled. */
  @Column({ type: 'varchar', length: 15 })
  gridCode!: string;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
