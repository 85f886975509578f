import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Gender, Population, RelationToHead } from './household-enums';

/** Further facts the field reports list (housing, family planning, care, aid, medical, interests): free-form, never personal IDs. */
export type ResidentDetails = Record<string, unknown>;

/**
 * A person. The ID number is only ever stored encrypted (`idNumberCipher`), found by its keyed hash,
 * and shown masked from `idNumberMasked` to callers without the personal-data permission.
 */
@Entity('resident')
export class ResidentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 15 })
  gridCode!: string;

  @Column({ type: 'uuid', nullable: true })
  householdId!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  relationToHead!: RelationToHead | null;

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  @Column({ type: 'varchar', length: 8 })
  gender!: Gender;

  /** 'YYYY-MM-DD'. */
  @Column({ type: 'date' })
  birthDate!: string;

  @Column({ type: 'bytea', select: true })
  idNumberCipher!: Buffer;

  @Column({ type: 'bytea' })
  idNumberHash!: Buffer;

  @Column({ type: 'varchar', length: 18 })
  idNumberMasked!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 16 })
  population!: Population;

  @Column({ type: 'varchar', length: 20, nullable: true })
  employment!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  education!: string | null;

  @Column({ type: 'varchar', length: 32, array: true })
  tagCodes!: string[];

  @Column({ type: 'jsonb' })
  details!: ResidentDetails;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
