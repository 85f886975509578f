import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { createDataSource } from '@gridgov/platform-database';
import { createLogger, createObservedApp, listen, type Logger } from '@gridgov/platform-observability';
import { createRedisConnection, QueueName } from '@gridgov/platform-queue';
import { seedDeadlineDemo, ticketDatabase } from '@gridgov/ticket-data-access';
import {
  createTicketJobHandlers,
  handlerRegistry,
  ensureTicketSchedules,
  TicketJobName,
  ticketProcessor,
} from '@gridgov/ticket-jobs';
import { demoDataOn, type TicketWorkerConfig } from './ticket-worker.config';
import { createWorkerMetrics, type WorkerMetrics } from './worker-metrics';

export interface RunningTicketWorker {
  port: number;
  metrics: WorkerMetrics;
  stop(): Promise<void>;
}

/**
 * A ticket worker process: BullMQ workers for the configured queues (outbox relay and sweep,
 * timers), the relay and sweep schedules when it runs the outbox queue, and /healthz, /readyz,
 * /metrics. Tests call it in-process; `main.ts` runs it.
 */
export async function createTicketWorker(
  config: TicketWorkerConfig,
  overrides: { logger?: Logger } = {},
): Promise<RunningTicketWorker> {
  const log = overrides.logger ?? createLogger('ticket-worker', config.LOG_LEVEL);
  const dataSource = createDataSource({
    ...ticketDatabase,
    schema: config.DATABASE_SCHEMA,
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'gridgov-ticket-worker',
  });
  // ticket-service owns the schema and runs its migrations; the worker only connects.
  await dataSource.initialize();
  const connections: Redis[] = [];
  const connection = (role: 'worker' | 'producer') => {
    const c = createRedisConnection(config.REDIS_URL, role);
    connections.push(c);
    return c;
  };
  const producer = connection('producer');
  const prefix = config.QUEUE_PREFIX;
  const queue = (name: QueueName) => new Queue(name, { connection: producer, prefix });
  const queues = {
    outbox: queue(QueueName.TICKET_OUTBOX),
    timers: queue(QueueName.TICKET_TIMERS),
    notifications: queue(QueueName.NOTIFICATIONS),
  };
  const metrics = createWorkerMetrics(
    'ticket-worker',
    config.QUEUES.map((name) => (name === QueueName.TICKET_OUTBOX ? queues.outbox : queues.timers)),
  );
  const registry = handlerRegistry(createTicketJobHandlers(dataSource, queues));

  const running = new Map<string, { job: Job; token: string | undefined }>();
  const workers = config.QUEUES.map((name) => {
    const process = ticketProcessor(registry, name);
    const worker = new Worker(
      name,
      async (job: Job, token?: string) => {
        if (job.delay > 0)
          metrics.lateness.observe({ queue: name, job: job.name }, Math.max(0, Date.now() - job.timestamp - job.delay) / 1000);
        running.set(`${name}/${job.id}`, { job, token });
        try {
          return await process(job, token);
        } finally {
          running.delete(`${name}/${job.id}`);
        }
      },
      {
        connection: connection('worker'),
        prefix,
        concurrency: config.CONCURRENCY,
        lockDuration: config.LOCK_DURATION_MS,
        stalledInterval: Math.max(250, Math.floor(config.LOCK_DURATION_MS / 2)),
        maxStalledCount: 5,
      },
    );
    worker.on('completed', (job) => metrics.processed.inc({ queue: name, job: job.name }));
    worker.on('failed', (job, error) => {
      metrics.failed.inc({ queue: name, job: job?.name ?? 'unknown' });
      log.warn({ queue: name, jobId: job?.id, err: error }, 'job failed');
    });
    worker.on('error', (error) => log.error({ queue: name, err: error }, 'worker error'));
    return worker;
  });

  let scheduleCheck: NodeJS.Timeout | undefined;
  if (config.QUEUES.includes(QueueName.TICKET_OUTBOX)) {
    if (demoDataOn(config) && (await seedDeadlineDemo(dataSource))) log.info('deadline demo ticket seeded');
    const schedules = { relayEveryMs: config.RELAY_EVERY_MS, sweepEveryMs: config.SWEEP_EVERY_MS };
    await ensureTicketSchedules(queues.outbox, schedules);
    // A start is also a moment to reconcile, whether or not the schedules were there.
    await queues.outbox.add(TicketJobName.TIMER_SWEEP, {}, { jobId: `${TicketJobName.TIMER_SWEEP}-start-${Date.now()}`, removeOnComplete: true, removeOnFail: 100 });
    scheduleCheck = setInterval(() => {
      ensureTicketSchedules(queues.outbox, schedules).then(
        (recreated) => recreated && log.warn('queue schedules were missing (Redis lost its data?): recreated, sweeping now'),
        (error: unknown) => log.error({ err: error }, 'could not check the queue schedules'),
      );
    }, config.SCHEDULE_CHECK_MS);
  }

  const app = createObservedApp({
    logger: log,
    metrics,
    ready: async () => (await producer.ping()) === 'PONG' && !!(await dataSource.query('SELECT 1')),
  });
  const http = await listen(app, config.PORT, '0.0.0.0');
  log.info({ port: http.port, queues: config.QUEUES, concurrency: config.CONCURRENCY }, 'ticket-worker ready');

  return {
    port: http.port,
    metrics,
    async stop() {
      clearInterval(scheduleCheck);
      await http.close();
      await closeWorkers(workers, running, config.SHUTDOWN_TIMEOUT_MS, log);
      await Promise.all(Object.values(queues).map((q) => q.close()));
      // BullMQ leaves connections it was given open.
      for (const c of connections) c.disconnect();
      await dataSource.destroy();
    },
  };
}

/**
 * Graceful stop: no new jobs; running jobs get `timeoutMs` to finish, then go back to the wait list
 * for another replica (their effect is idempotent, so running one again is safe).
 */
async function closeWorkers(
  workers: Worker[],
  running: Map<string, { job: Job; token: string | undefined }>,
  timeoutMs: number,
  log: Logger,
): Promise<void> {
  const closing = Promise.all(workers.map((w) => w.close()));
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    closing.then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (!timedOut) return;
  log.warn({ jobs: running.size }, 'jobs still running at shutdown: returning them to the queue');
  await Promise.all([...running.values()].map(({ job, token }) => job.moveToWait(token).catch(() => 0)));
  await Promise.all(workers.map((w) => w.close(true)));
}

