import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AssessmentSubjectKind } from '../scheme/assessment-kinds';
import type { FiredRule, IndicatorScore, SubjectInputs } from '../run/assessment-scoring';
import { numeric } from '../columns';

/** An immutable snapshot (a trigger refuses UPDATE and DELETE): every input, score and rule that fired. */
@Entity('assessment_result')
export class AssessmentResultEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  runId!: string;

  @Column({ type: 'uuid' })
  schemeId!: string;

  @Column({ type: 'varchar', length: 7 })
  period!: string;

  /** The run's version. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 16 })
  subjectKind!: AssessmentSubjectKind;

  /** Account, department, party organisation or member id; a unit's 12-digit code. */
  @Column({ type: 'varchar', length: 64 })
  subjectId!: string;

  /** A grid worker's grid, otherwise the subject's 12-digit unit code: the scope of the result. */
  @Column({ type: 'varchar', length: 15 })
  subjectUnitCode!: string;

  /** The unit ranked within (a grid worker's community, a community's street …). */
  @Column({ type: 'varchar', length: 15 })
  rankUnitCode!: string;

  @Column({ type: 'int' })
  rankInUnit!: number;

  @Column({ type: 'numeric', precision: 8, scale: 2, transformer: numeric })
  total!: number;

  @Column({ type: 'smallint', nullable: true })
  stars!: number | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  card!: 'RED' | 'YELLOW' | 'GREEN' | null;

  @Column({ type: 'boolean' })
  advancedEligible!: boolean;

  @Column({ type: 'text', array: true })
  flags!: string[];

  @Column({ type: 'jsonb' })
  firedRules!: FiredRule[];

  @Column({ type: 'jsonb' })
  inputs!: SubjectInputs;

  @Column({ type: 'jsonb' })
  indicators!: IndicatorScore[];

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
