import type { DataSource, Repository } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, isUuid, notFound } from '@gridgov/platform-errors';
import { ImportFileEntity, ImportFormat, ImportJobEntity, ImportJobStatus } from './import-job.entity';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Hands a stored job to whatever runs it (the import queue); resolves once it is handed over. */
export type ImportJobDispatch = (jobId: string) => Promise<void>;

/**
 * Starts imports: the job row and its file are stored together, then only the job id is dispatched
 * (the worker reads the file from PostgreSQL), so a restart loses nothing. Progress is polled with
 * `get`; only the account that started a job reads it.
 */
export class ImportJobService {
  private readonly jobs: Repository<ImportJobEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
    private readonly dispatch: ImportJobDispatch,
  ) {
    this.jobs = dataSource.getRepository(ImportJobEntity);
  }

  /** GraphQL: `file` is the CSV text, or the .xlsx bytes in base64. */
  async start(format: ImportFormat, file: string, dryRun: boolean): Promise<ImportJobEntity> {
    this.auth.assertAnywhere(Permission.HOUSEHOLD_MANAGE);
    if (format === ImportFormat.XLSX && !BASE64.test(file.replace(/\s/g, '')))
      throw badInput('file', 'an XLSX file must be sent as base64');
    return this.upload(
      format,
      format === ImportFormat.XLSX ? Buffer.from(file, 'base64') : Buffer.from(file, 'utf8'),
      dryRun,
    );
  }

  /** The upload endpoint: the file's raw bytes (CSV in UTF-8, or an .xlsx workbook). */
  async upload(format: ImportFormat, content: Buffer, dryRun: boolean): Promise<ImportJobEntity> {
    this.auth.assertAnywhere(Permission.HOUSEHOLD_MANAGE);
    if (content.length === 0) throw badInput('file', 'is empty');
    const job = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(ImportJobEntity, {
          accountId: this.auth.accountId,
          grants: this.auth.identity.grants,
          format,
          dryRun,
          status: ImportJobStatus.QUEUED,
          totalRows: 0,
          processedRows: 0,
          report: null,
          failure: null,
        }),
      );
      await manager.insert(ImportFileEntity, { jobId: saved.id, content });
      return saved;
    });
    try {
      await this.dispatch(job.id);
    } catch (error) {
      // Not queued (Redis unreachable): nothing would ever run it, so it is not kept either.
      await this.jobs.delete(job.id);
      throw error;
    }
    return job;
  }

  /** The caller's own job; others' jobs do not exist for them. */
  async get(id: string): Promise<ImportJobEntity> {
    this.auth.assertAnywhere(Permission.HOUSEHOLD_MANAGE);
    const job = isUuid(id) ? await this.jobs.findOneBy({ id, accountId: this.auth.accountId }) : null;
    if (!job) throw notFound('ImportJob', id);
    return job;
  }
}
