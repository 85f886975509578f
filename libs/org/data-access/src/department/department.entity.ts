import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Functional departments (职能部门) tickets are dispatched to. */
export enum DepartmentKind {
  URBAN_MANAGEMENT = 'URBAN_MANAGEMENT',
  ENVIRONMENT = 'ENVIRONMENT',
  MARKET_REGULATION = 'MARKET_REGULATION',
  CIVIL_AFFAIRS = 'CIVIL_AFFAIRS',
  PUBLIC_SECURITY = 'PUBLIC_SECURITY',
  OTHER = 'OTHER',
}

/** A department owned at an administrative unit (its 12-digit code). */
@Entity('department')
export class DepartmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 12 })
  unitCode!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: DepartmentKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
