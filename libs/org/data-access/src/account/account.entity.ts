import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('account')
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'varchar', length: 100 })
  displayName!: string;

  /** scrypt, see platform-auth `hashPassword`; null for accounts that only sign in through OIDC. */
  @Column({ type: 'varchar', length: 200, nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  /** Scope (code prefix) whose account managers may disable it or reset its password; '' = platform. */
  @Column({ type: 'varchar', length: 15, default: '' })
  managedAt!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  externalIssuer!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  externalSubject!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
