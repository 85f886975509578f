import { type Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ImportJobDispatch, ImportJobRunner } from '@gridgov/grid-data-access';
import { type HandlerOf, type JobNames, KEEP_FINISHED, QueueName } from '@gridgov/platform-queue';

/** Only the import job's id travels through Redis; the file stays in PostgreSQL. */
export interface ResidentImportPayload {
  importJobId: string;
}

/** grid's jobs on QueueName.GRID_IMPORTS. */
export interface GridImportJobMap {
  'resident-import': ResidentImportPayload;
}

export const GRID_IMPORT_JOB_NAMES: JobNames<GridImportJobMap> = { 'resident-import': true };

/** A few retries for a database that is briefly away; the import itself is idempotent. */
const IMPORT_JOB_OPTIONS = { attempts: 3, backoff: { type: 'exponential', delay: 10_000 }, ...KEEP_FINISHED };

/** What a job the queue gave up on (its process died twice while running it) says to its starter. */
export const INTERRUPTED_FAILURE =
  'the import was cut off more than once while running (its service stopped); nothing was written — start it again, or split the file';

/** Runs one stored import; on the last attempt an unexpected error ends the job FAILED before the dead letter. */
export class ResidentImportJob implements HandlerOf<GridImportJobMap, 'resident-import'> {
  readonly name = 'resident-import';

  constructor(private readonly runner: ImportJobRunner) {}

  async run(
    { importJobId }: ResidentImportPayload,
    job: Job<ResidentImportPayload>,
  ): Promise<{ status: string | null }> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return { status: await this.runner.run(importJobId, lastAttempt) };
  }
}

/** The producer side: `dispatch` for the grid subgraph (job id = import job id, so a job is queued once). */
export function residentImportQueue(connection: Redis, prefix: string) {
  const queue = new Queue<ResidentImportPayload>(QueueName.GRID_IMPORTS, { connection, prefix });
  const dispatch: ImportJobDispatch = async (importJobId) => {
    await queue.add('resident-import', { importJobId }, { ...IMPORT_JOB_OPTIONS, jobId: importJobId });
  };
  /**
   * Brings unfinished jobs and the queue back in line: a job missing from Redis (never queued, or
   * Redis lost it) is queued again; one the queue failed for good without running (BullMQ's stalled
   * limit) ends FAILED. Runs at start-up and then now and then.
   */
  const reconcile = async (runner: ImportJobRunner): Promise<{ queued: number; failed: number }> => {
    let queued = 0;
    let failed = 0;
    for (const id of await runner.unfinished()) {
      const job = await queue.getJob(id);
      if (!job) {
        await dispatch(id);
        queued++;
      } else if (await job.isFailed()) {
        await runner.abandon(id, INTERRUPTED_FAILURE);
        failed++;
      }
    }
    return { queued, failed };
  };
  return { queue, dispatch, reconcile };
}

export type ResidentImportQueue = ReturnType<typeof residentImportQueue>;
