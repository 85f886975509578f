import { GraphQLError } from 'graphql';
import type { DataSource, Repository } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, isUuid, notFound } from '@gridgov/platform-errors';
import { ImportFormat, ImportJobEntity, ImportJobStatus } from './import-job.entity';
import type { ImportProgress, ImportReport, ResidentImportService } from './resident-import.service';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Runs an import in the background of this service and keeps its progress in `import_job`, written
 * outside the import's transaction so pollers see it move. Only the account that started a job reads it.
 */
export class ImportJobService {
  private readonly jobs: Repository<ImportJobEntity>;

  constructor(
    dataSource: DataSource,
    private readonly auth: AuthContext,
    private readonly importer: ResidentImportService,
    private readonly onUnexpected: (error: unknown) => void = () => undefined,
  ) {
    this.jobs = dataSource.getRepository(ImportJobEntity);
  }

  /** `file` is the CSV text, or the .xlsx bytes in base64. Resolves once the job row exists. */
  async start(format: ImportFormat, file: string, dryRun: boolean): Promise<ImportJobEntity> {
    this.auth.assertAnywhere(Permission.HOUSEHOLD_MANAGE);
    if (format === ImportFormat.XLSX && !BASE64.test(file.replace(/\s/g, '')))
      throw badInput('file', 'an XLSX file must be sent as base64');
    const job = await this.jobs.save(
      this.jobs.create({
        accountId: this.auth.accountId,
        format,
        dryRun,
        status: ImportJobStatus.QUEUED,
        totalRows: 0,
        processedRows: 0,
        report: null,
        failure: null,
      }),
    );
    void this.run(job.id, format, file, dryRun);
    return job;
  }

  /** The caller's own job; others' jobs do not exist for them. */
  async get(id: string): Promise<ImportJobEntity> {
    this.auth.assertAnywhere(Permission.HOUSEHOLD_MANAGE);
    const job = isUuid(id) ? await this.jobs.findOneBy({ id, accountId: this.auth.accountId }) : null;
    if (!job) throw notFound('ImportJob', id);
    return job;
  }

  private async run(id: string, format: ImportFormat, file: string, dryRun: boolean): Promise<void> {
    const progress: ImportProgress = async (status, processedRows, totalRows) => {
      await this.jobs.update(id, { status: status as ImportJobStatus, processedRows, totalRows });
    };
    try {
      const report: ImportReport =
        format === ImportFormat.XLSX
          ? await this.importer.importXlsx(Buffer.from(file, 'base64'), dryRun, progress)
          : await this.importer.importCsv(file, dryRun, progress);
      await this.jobs.update(id, {
        status: ImportJobStatus.DONE,
        report,
        processedRows: report.rows,
        totalRows: report.rows,
      });
    } catch (error) {
      // Typed errors (bad file, conflict) are meant for the user; anything else is logged, not shown.
      const failure =
        error instanceof GraphQLError
          ? error.message.slice(0, 500)
          : 'the import failed unexpectedly; try again';
      if (!(error instanceof GraphQLError)) this.onUnexpected(error);
      await this.jobs.update(id, { status: ImportJobStatus.FAILED, failure }).catch(this.onUnexpected);
    }
  }
}
