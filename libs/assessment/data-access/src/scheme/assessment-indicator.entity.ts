import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AssessmentIndicatorKind, AssessmentMetric, ManualSource } from './assessment-kinds';
import { numeric } from '../columns';

@Entity('assessment_indicator')
export class AssessmentIndicatorEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  schemeId!: string;

  /** Unique within the scheme, case-insensitively. */
  @Column({ type: 'varchar', length: 40 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: AssessmentIndicatorKind;

  /** Set exactly for AUTOMATIC indicators. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceMetric!: AssessmentMetric | null;

  /** Set exactly for MANUAL indicators: who enters the scores. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  manualSource!: ManualSource | null;

  /** Percentage of the total score, two decimals; a scheme's weights add up to 100. */
  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numeric })
  weight!: number;

  /** 1-based display and computation order. */
  @Column({ type: 'smallint' })
  position!: number;
}
