import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Grant } from '@gridgov/platform-auth';
import type { ImportReport } from './resident-import.service';

export enum ImportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}

export enum ImportJobStatus {
  QUEUED = 'QUEUED',
  CHECKING = 'CHECKING',
  WRITING = 'WRITING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/** One import run by a worker; its counters move while it runs, so large files show progress. */
@Entity('import_job')
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  accountId!: string;

  /** The starter's grants: the worker checks rows against the scope of whoever started the job. */
  @Column({ type: 'jsonb' })
  grants!: Grant[];

  @Column({ type: 'varchar', length: 8 })
  format!: ImportFormat;

  @Column({ type: 'boolean' })
  dryRun!: boolean;

  @Column({ type: 'varchar', length: 16 })
  status!: ImportJobStatus;

  /** Rows of the file (without the header); 0 until the file is read. */
  @Column({ type: 'integer' })
  totalRows!: number;

  /** Rows checked (CHECKING) or written (WRITING). */
  @Column({ type: 'integer' })
  processedRows!: number;

  @Column({ type: 'jsonb', nullable: true })
  report!: ImportReport | null;

  /** Why the import stopped, for FAILED. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  failure!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** The file of a job until the job ends (then deleted: it holds ID numbers and phones). */
@Entity('import_file')
export class ImportFileEntity {
  @PrimaryColumn({ type: 'uuid' })
  jobId!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;
}
