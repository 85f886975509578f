import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum ServiceNeedCategory {
  MEAL_AID = 'MEAL_AID',
  HOME_CARE = 'HOME_CARE',
  MEDICAL = 'MEDICAL',
  EMPLOYMENT = 'EMPLOYMENT',
  EDUCATION = 'EDUCATION',
  HOUSING = 'HOUSING',
  LEGAL = 'LEGAL',
  PSYCHOLOGICAL = 'PSYCHOLOGICAL',
  OTHER = 'OTHER',
}

export enum ServiceNeedStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  MET = 'MET',
  CANCELLED = 'CANCELLED',
}

/** One entry of the personal service-need file (个性化服务需求档案) of a household or a resident. */
@Entity('service_need')
export class ServiceNeedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 15 })
  gridCode!: string;

  @Column({ type: 'uuid', nullable: true })
  householdId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  residentId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  category!: ServiceNeedCategory;

  @Column({ type: 'varchar', length: 1000 })
  description!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ServiceNeedStatus;

  /** What was done, or why it was cancelled, with the last status change. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  statusNote!: string | null;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
