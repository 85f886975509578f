import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@gridgov/platform-auth';

/**
 * A role granted to an account at a scope: `scopeCode` is the significant code prefix of a unit
 * (`520303001`) or a full grid code, `''` for the whole platform; or a department.
 * Unique per (account, role, scope, department), NULLs equal: see the migration.
 */
@Entity('role_grant')
export class RoleGrantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  accountId!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: Role;

  @Column({ type: 'varchar', length: 15, nullable: true })
  scopeCode!: string | null;

  @Column({ type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  grantedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  grantedAt!: Date;
}
