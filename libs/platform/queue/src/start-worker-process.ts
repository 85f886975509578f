import { Queue } from 'bullmq';
import type { Express } from 'express';
import { createLogger, createObservedApp, listen, type Logger } from '@gridgov/platform-observability';
import { DeadLetterQueue } from './dead-letter';
import type { HandlerTable } from './job-handler';
import { type RunningJobWorker, startJobWorker } from './job-worker';
import type { QueueName } from './queue-name';
import { RedisConnections } from './redis-connection';
import { createWorkerMetrics, type WorkerMetrics } from './worker-metrics';

/** The settings every worker process reads (`workerProcessEnv`); `QUEUES` and `CONCURRENCY` also from the command line. */
export interface WorkerProcessConfig<Q extends QueueName> {
  readonly LOG_LEVEL: string;
  readonly PORT: number;
  readonly REDIS_URL: string;
  readonly QUEUE_PREFIX: string;
  readonly QUEUES: readonly Q[];
  readonly CONCURRENCY: number;
  readonly LOCK_DURATION_MS: number;
  readonly SHUTDOWN_TIMEOUT_MS: number;
}

/** What the shared start-up hands an app's setup. */
export interface WorkerProcessContext {
  log: Logger;
  /** The process's producer Queue of `name` (made once, closed on stop). */
  queue(name: QueueName): Queue;
  deadLetters: DeadLetterQueue;
}

/** What an app adds to the shared worker process. */
export interface WorkerProcessParts<Q extends QueueName> {
  /** The checked handler table of one queue; asked for every configured queue before any worker starts. */
  handlers(queue: Q): HandlerTable;
  /** Readiness besides Redis (its database). */
  ready(): Promise<boolean>;
  /** After the workers started, before HTTP listens: schedules, demo data. */
  start?(): Promise<void>;
  /** Routes beside /healthz, /readyz and /metrics. */
  routes?(app: Express): void;
  /** First on stop: whatever `start` keeps running (timers). */
  stopping?(): void;
  /** Last on stop, after workers and queues: what setup opened (databases). */
  close(): Promise<void>;
}

export interface RunningWorkerProcess {
  port: number;
  metrics: WorkerMetrics;
  stop(): Promise<void>;
}

/**
 * A worker process: BullMQ workers for the configured `QUEUES` (dead letters, metrics, timed
 * shutdown), /healthz, /readyz and /metrics. `setup` opens what the app needs and says which
 * handlers it runs; a missing or duplicate job handler stops start-up before any worker starts.
 */
export async function startWorkerProcess<Q extends QueueName>(
  service: string,
  config: WorkerProcessConfig<Q>,
  setup: (context: WorkerProcessContext) => Promise<WorkerProcessParts<Q>>,
  overrides: { logger?: Logger } = {},
): Promise<RunningWorkerProcess> {
  const log = overrides.logger ?? createLogger(service, config.LOG_LEVEL);
  const connections = new RedisConnections(config.REDIS_URL);
  const producer = connections.get('producer');
  const prefix = config.QUEUE_PREFIX;
  const queues = new Map<QueueName, Queue>();
  const queue = (name: QueueName): Queue => {
    if (!queues.has(name)) queues.set(name, new Queue(name, { connection: producer, prefix }));
    return queues.get(name) as Queue;
  };
  const deadLetters = new DeadLetterQueue(producer, prefix);
  const workers: RunningJobWorker[] = [];
  let opened: WorkerProcessParts<Q> | undefined;
  const release = async () => {
    await Promise.all([...queues.values()].map((q) => q.close()));
    await deadLetters.close();
    connections.disconnectAll();
    await opened?.close();
  };

  try {
    const parts = (opened = await setup({ log, queue, deadLetters }));
    const tables = config.QUEUES.map((name) => [name, parts.handlers(name)] as const);
    const metrics = createWorkerMetrics(service, [...config.QUEUES.map(queue), deadLetters.queue]);
    const observer = metrics.observer(
      (error) => log.error({ err: error }, 'worker error'),
      (job, error, final) =>
        log.warn(
          { queue: job.queueName, job: job.name, jobId: job.id, err: error, deadLettered: final },
          'job failed',
        ),
    );
    for (const [name, handlers] of tables)
      workers.push(
        startJobWorker({
          queue: name,
          handlers,
          connection: connections.get('worker'),
          prefix,
          concurrency: config.CONCURRENCY,
          lockDurationMs: config.LOCK_DURATION_MS,
          observer,
        }),
      );
    await parts.start?.();

    const app = createObservedApp({
      logger: log,
      metrics,
      ready: async () => (await producer.ping()) === 'PONG' && (await parts.ready()),
    });
    parts.routes?.(app);
    const http = await listen(app, config.PORT, '0.0.0.0');
    log.info({ port: http.port, queues: config.QUEUES, concurrency: config.CONCURRENCY }, `${service} ready`);
    return {
      port: http.port,
      metrics,
      async stop() {
        parts.stopping?.();
        await http.close();
        // No new jobs; running ones get the timeout, then go back to the queue for another replica.
        const closed = await Promise.all(workers.map((w) => w.close(config.SHUTDOWN_TIMEOUT_MS)));
        const returned = closed.reduce((sum, c) => sum + c.returned, 0);
        if (returned > 0)
          log.warn({ jobs: returned }, 'jobs still running at shutdown were returned to their queue');
        await release();
      },
    };
  } catch (error) {
    // A refused start leaves nothing open behind it (tests start workers in-process).
    opened?.stopping?.();
    await Promise.all(workers.map((w) => w.close(0)));
    await release();
    throw error;
  }
}
