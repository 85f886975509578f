import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One unmasked read of a resident's personal data: who, whom, which fields, when, why. Insert-only. */
@Entity('personal_data_access')
export class PersonalDataAccessEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  accountId!: string;

  @Column({ type: 'uuid' })
  residentId!: string;

  @Column({ type: 'varchar', length: 15 })
  gridCode!: string;

  @Column({ type: 'varchar', length: 32, array: true })
  fields!: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  accessedAt!: Date;
}
