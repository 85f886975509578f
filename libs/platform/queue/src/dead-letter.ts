import { type Job, type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QueueName } from './queue-name';

/** What the dead-letter queue keeps of a job that failed its last attempt: ids only, like the job itself. */
export interface DeadLetter {
  queue: string;
  jobId: string;
  name: string;
  data: unknown;
  opts: Pick<JobsOptions, 'attempts' | 'backoff'>;
  failedReason: string;
  attemptsMade: number;
  failedAt: string;
}

const deadLetterId = (queue: string, jobId: string) => `${queue}.${jobId.replaceAll(':', '_')}`;

/** Records a finally failed job; recording it twice keeps one entry. */
export async function sendToDeadLetter(deadLetters: Queue, job: Job, error: Error): Promise<void> {
  const entry: DeadLetter = {
    queue: job.queueName,
    jobId: job.id as string,
    name: job.name,
    data: job.data,
    opts: { attempts: job.opts.attempts, backoff: job.opts.backoff },
    failedReason: error.message.slice(0, 500),
    attemptsMade: job.attemptsMade + 1,
    failedAt: new Date().toISOString(),
  };
  await deadLetters.add(job.name, entry, { jobId: deadLetterId(job.queueName, entry.jobId) });
}

/**
 * Operators' view of the dead-letter queue. Nothing consumes it: entries wait until replayed, which
 * removes the failed original and enqueues it again under its own id with fresh attempts.
 */
export class DeadLetterQueue {
  readonly queue: Queue<DeadLetter>;

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
  ) {
    this.queue = new Queue<DeadLetter>(QueueName.DEAD_LETTER, { connection, prefix });
  }

  async list(start = 0, end = 99): Promise<(DeadLetter & { id: string })[]> {
    const jobs = await this.queue.getJobs(['waiting'], start, end, true);
    return jobs.map((job) => ({ id: job.id as string, ...job.data }));
  }

  /** Re-enqueues one entry; false when there is no such entry. */
  async replay(id: string): Promise<boolean> {
    const entry = await this.queue.getJob(id);
    if (!entry) return false;
    const { queue: name, jobId, data, opts } = entry.data;
    const target = new Queue(name, { connection: this.connection, prefix: this.prefix });
    try {
      // The failed original still holds the id; a duplicate id would be ignored.
      await (await target.getJob(jobId))?.remove();
      await target.add(entry.data.name, data, { ...opts, jobId });
    } finally {
      await target.close();
    }
    await entry.remove();
    return true;
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
