import { DelayedError, type Job, Queue, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { sendToDeadLetter } from './dead-letter';
import type { HandlerTable } from './job-handler';
import { QueueName } from './queue-name';

export interface JobObserver {
  /** A job starts; `latenessMs` is how long after its due instant (creation, or creation + delay). */
  started(job: Job, latenessMs: number): void;
  completed(job: Job): void;
  failed(job: Job, error: Error, final: boolean): void;
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
  /** Job lock: a crashed worker's jobs run again this long after it stopped renewing them. */
  lockDurationMs?: number;
  observer?: JobObserver;
}

export interface RunningJobWorker {
  worker: Worker;
  /**
   * Takes no new jobs; running ones get `timeoutMs` to finish, then go back to the wait list for
   * another replica (handlers are idempotent, so running one again is safe).
   */
  close(timeoutMs?: number): Promise<{ returned: number }>;
}

const ABANDONED = Symbol('abandoned');

const isFinalAttempt = (job: Job, error: unknown) =>
  error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

/**
 * A BullMQ worker that dispatches by job name through a checked handler table. A job failing its
 * last attempt is copied to the dead-letter queue before the failure is recorded, so no crash
 * between the two loses it.
 */
export function startJobWorker(options: JobWorkerOptions): RunningJobWorker {
  const deadLetters = new Queue(QueueName.DEAD_LETTER, { connection: options.connection, prefix: options.prefix });
  // Jobs in progress, each with a way to give it up when shutdown times out.
  const running = new Map<string, () => void>();
  const lockDuration = options.lockDurationMs ?? 30_000;
  const worker = new Worker(
    options.queue,
    async (job: Job, token?: string) => {
      // BullMQ zeroes job.delay when it promotes a delayed job; opts.delay keeps the delay asked for.
      options.observer?.started(job, Math.max(0, Date.now() - job.timestamp - (job.opts.delay ?? 0)));
      let abandon: () => void = () => undefined;
      const abandoned = new Promise<typeof ABANDONED>((resolve) => (abandon = () => resolve(ABANDONED)));
      running.set(job.id as string, abandon);
      const handler = options.handlers.get(job.name);
      try {
        if (!handler) throw new UnrecoverableError(`no handler for job ${job.name} on ${options.queue}`);
        const work = handler.run(job.data, job);
        const result = await Promise.race([work, abandoned]);
        if (result === ABANDONED) {
          // Shutdown timed out: the job goes back to the wait list for another replica; its late end is ignored.
          work.catch(() => undefined);
          await job.moveToWait(token);
          throw new WaitingError();
        }
        return result;
      } catch (error) {
        // Returned to the wait list, or put back to a later instant by the handler: not a failure.
        if (error instanceof WaitingError || error instanceof DelayedError) throw error;
        const final = isFinalAttempt(job, error);
        if (final) await sendToDeadLetter(deadLetters, job, error as Error);
        options.observer?.failed(job, error as Error, final);
        throw error;
      } finally {
        running.delete(job.id as string);
      }
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDuration,
      stalledInterval: Math.max(250, Math.floor(lockDuration / 2)),
    },
  );
  worker.on('completed', (job) => options.observer?.completed(job));
  // Without a listener an 'error' event (Redis gone for a moment) would crash the process.
  worker.on('error', (error) => options.observer?.error(error));
  return {
    worker,
    async close(timeoutMs = 10_000) {
      let timer: NodeJS.Timeout | undefined;
      // worker.close() has no timeout of its own: it waits for every running job.
      const closing = worker.close();
      const timedOut = await Promise.race([
        closing.then(() => false),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
      ]);
      clearTimeout(timer);
      const returned = timedOut ? running.size : 0;
      if (timedOut) for (const abandon of running.values()) abandon();
      await closing;
      await deadLetters.close();
      return { returned };
    },
  };
}
