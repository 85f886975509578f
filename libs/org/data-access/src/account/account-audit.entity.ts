import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum AccountAuditAction {
  CREATE = 'CREATE',
  DISABLE = 'DISABLE',
  ENABLE = 'ENABLE',
  RESET_PASSWORD = 'RESET_PASSWORD',
  GRANT_ROLE = 'GRANT_ROLE',
  REVOKE_ROLE = 'REVOKE_ROLE',
}

/** One change to an account or its grants; `scopeCode` is where it happened, for scoped reading. */
@Entity('account_audit')
export class AccountAuditEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  actorId!: string;

  @Column({ type: 'uuid' })
  accountId!: string;

  @Column({ type: 'varchar', length: 32 })
  action!: AccountAuditAction;

  @Column({ type: 'varchar', length: 15 })
  scopeCode!: string;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
