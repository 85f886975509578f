import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { ImportJobRunner, PersonalDataCipher, type PersonalDataKeys } from '@gridgov/grid-data-access';
import type { Logger } from '@gridgov/platform-observability';
import { type JobObserver, jobHandlerTable, QueueName, startJobWorker } from '@gridgov/platform-queue';
import { GRID_IMPORT_JOB_NAMES, type ResidentImportQueue, ResidentImportJob } from './resident-import.job';

export interface ResidentImportWorkerOptions {
  /** The grid schema. */
  dataSource: DataSource;
  /** The personal-data keys: the worker encrypts ID numbers, so it runs where they are. */
  keys: PersonalDataKeys;
  imports: ResidentImportQueue;
  /** A worker connection; the caller closes it. */
  connection: Redis;
  prefix: string;
  concurrency: number;
  /** A dead process's import runs again this long after it stopped renewing its lock. */
  lockDurationMs: number;
  reconcileEveryMs: number;
  observer?: JobObserver;
  log: Logger;
}

/** The import worker of grid-service, reconciled with the stored jobs at start and every `reconcileEveryMs`. */
export async function startResidentImportWorker(options: ResidentImportWorkerOptions) {
  const runner = new ImportJobRunner(options.dataSource, new PersonalDataCipher(options.keys));
  const reconcile = async () => {
    const { queued, failed } = await options.imports.reconcile(runner);
    if (queued || failed) options.log.warn({ queued, failed }, 'import jobs reconciled with the queue');
  };
  await reconcile();
  const worker = startJobWorker({
    queue: QueueName.GRID_IMPORTS,
    handlers: jobHandlerTable(GRID_IMPORT_JOB_NAMES, [new ResidentImportJob(runner)]),
    connection: options.connection,
    prefix: options.prefix,
    concurrency: options.concurrency,
    lockDurationMs: options.lockDurationMs,
    observer: options.observer,
  });
  const timer = setInterval(
    () =>
      reconcile().catch((error: unknown) =>
        options.log.error({ err: error }, 'could not reconcile import jobs'),
      ),
    options.reconcileEveryMs,
  );
  return {
    worker,
    /** Takes no new imports; running ones get `timeoutMs`, then go back to the queue. */
    async close(timeoutMs: number): Promise<{ returned: number }> {
      clearInterval(timer);
      return worker.close(timeoutMs);
    },
  };
}
