import { GraphQLError } from 'graphql';
import { In, Not, type DataSource, type Repository } from 'typeorm';
import { AuthContext } from '@gridgov/platform-auth';
import type { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { ImportFileEntity, ImportFormat, ImportJobEntity, ImportJobStatus } from './import-job.entity';
import { type ImportProgress, type ImportReport, ResidentImportService } from './resident-import.service';

const FINISHED = [ImportJobStatus.DONE, ImportJobStatus.FAILED];

/**
 * Runs stored import jobs by id, as their starter (the grants kept on the job). Running one again is
 * safe: the import writes in one transaction and is idempotent, and a finished job is skipped. A
 * job ends DONE or FAILED and its file is deleted in the same transaction.
 */
export class ImportJobRunner {
  private readonly jobs: Repository<ImportJobEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
  ) {
    this.jobs = dataSource.getRepository(ImportJobEntity);
  }

  /**
   * Runs the job from the start (a job cut off by a dead process starts over from QUEUED). A typed
   * error (bad file, scope) ends it FAILED with its message; any other error is rethrown for a retry,
   * and on the `lastAttempt` the job first ends FAILED with a neutral message.
   */
  async run(id: string, lastAttempt: boolean): Promise<ImportJobStatus | null> {
    const job = await this.jobs.findOneBy({ id });
    if (!job || FINISHED.includes(job.status)) return job?.status ?? null;
    const file = await this.dataSource.getRepository(ImportFileEntity).findOneBy({ jobId: id });
    if (!file)
      return this.finish(id, {
        status: ImportJobStatus.FAILED,
        failure: 'the uploaded file is gone; upload it again',
      });
    await this.jobs.update(id, { status: ImportJobStatus.QUEUED, processedRows: 0, totalRows: 0 });
    const importer = new ResidentImportService(
      this.dataSource,
      new AuthContext({ accountId: job.accountId, grants: job.grants }),
      this.cipher,
    );
    // Written outside the import's transaction, so pollers see it move.
    const progress: ImportProgress = async (phase, processedRows, totalRows) => {
      await this.jobs.update(id, { status: phase as ImportJobStatus, processedRows, totalRows });
    };
    let report: ImportReport;
    try {
      report =
        job.format === ImportFormat.XLSX
          ? await importer.importXlsx(file.content, job.dryRun, progress)
          : await importer.importCsv(file.content.toString('utf8'), job.dryRun, progress);
    } catch (error) {
      // Typed errors (bad file, out of scope) are meant for the user; anything else is not shown.
      if (error instanceof GraphQLError)
        return this.finish(id, { status: ImportJobStatus.FAILED, failure: error.message.slice(0, 500) });
      if (lastAttempt)
        await this.finish(id, {
          status: ImportJobStatus.FAILED,
          failure: 'the import failed unexpectedly several times; nothing was written, try again later',
        });
      throw error;
    }
    return this.finish(id, {
      status: ImportJobStatus.DONE,
      report,
      processedRows: report.rows,
      totalRows: report.rows,
    });
  }

  /** Ids of jobs that have not ended, oldest first: for reconciling with the queue. */
  async unfinished(): Promise<string[]> {
    const rows = await this.jobs.find({
      select: { id: true },
      where: { status: Not(In(FINISHED)) },
      order: { createdAt: 'ASC' },
    });
    return rows.map((row) => row.id);
  }

  /** Ends a job the queue gave up on (e.g. its process died more often than allowed). */
  async abandon(id: string, failure: string): Promise<void> {
    const job = await this.jobs.findOneBy({ id });
    if (job && !FINISHED.includes(job.status))
      await this.finish(id, { status: ImportJobStatus.FAILED, failure });
  }

  private async finish(id: string, end: Partial<ImportJobEntity>): Promise<ImportJobStatus> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(ImportJobEntity, id, end);
      await manager.delete(ImportFileEntity, { jobId: id });
    });
    return end.status as ImportJobStatus;
  }
}
