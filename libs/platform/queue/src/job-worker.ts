import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { sendToDeadLetter } from './dead-letter';
import type { HandlerTable } from './job-handler';
import { QueueName } from './queue-name';

export interface JobObserver {
  completed(job: Job): void;
  failed(job: Job, final: boolean): void;
  /** Connection trouble and the like, outside any job. */
  error(error: Error): void;
}

export interface JobWorkerOptions {
  queue: QueueName;
  handlers: HandlerTable;
  /** A worker connection (`createRedisConnection(url, 'worker')`); the caller closes it. */
  connection: Redis;
  prefix: string;
  concurrency: number;
  observer?: JobObserver;
}

const isFinalAttempt = (job: Job, error: unknown) =>
  error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

/**
 * A BullMQ worker that dispatches by job name through a checked handler table. A job failing its
 * last attempt is copied to the dead-letter queue before the failure is recorded, so no crash
 * between the two loses it.
 */
export function startJobWorker(options: JobWorkerOptions): { worker: Worker; close(): Promise<void> } {
  const deadLetters = new Queue(QueueName.DEAD_LETTER, { connection: options.connection, prefix: options.prefix });
  const worker = new Worker(
    options.queue,
    async (job: Job) => {
      const handler = options.handlers.get(job.name);
      try {
        if (!handler) throw new UnrecoverableError(`no handler for job ${job.name} on ${options.queue}`);
        return await handler.run(job.data, job);
      } catch (error) {
        const final = isFinalAttempt(job, error);
        if (final) await sendToDeadLetter(deadLetters, job, error as Error);
        options.observer?.failed(job, final);
        throw error;
      }
    },
    { connection: options.connection, prefix: options.prefix, concurrency: options.concurrency, autorun: true },
  );
  worker.on('completed', (job) => options.observer?.completed(job));
  // Without a listener an 'error' event (Redis gone for a moment) would crash the process.
  worker.on('error', (error) => options.observer?.error(error));
  return {
    worker,
    async close() {
      await worker.close();
      await deadLetters.close();
    },
  };
}
