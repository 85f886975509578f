import { Queue } from 'bullmq';
import { createDataSource } from '@gridgov/platform-database';
import { createLogger, createObservedApp, listen, type Logger } from '@gridgov/platform-observability';
import {
  createWorkerMetrics,
  QueueName,
  RedisConnections,
  type RunningJobWorker,
  startJobWorker,
  type WorkerMetrics,
} from '@gridgov/platform-queue';
import { seedDeadlineDemo, ticketDatabase } from '@gridgov/ticket-data-access';
import { ensureTicketSchedules, sweepNow, ticketJobTables } from '@gridgov/ticket-jobs';
import { demoDataOn, type TicketWorkerConfig } from './ticket-worker.config';

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
  const connections = new RedisConnections(config.REDIS_URL);
  const producer = connections.get('producer');
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
  const observer = metrics.observer(
    (error) => log.error({ err: error }, 'worker error'),
    (job, error, final) => log.warn({ queue: job.queueName, job: job.name, jobId: job.id, final, err: error }, 'job failed'),
  );
  const tables = ticketJobTables(dataSource, queues);
  const workers: RunningJobWorker[] = config.QUEUES.map((name) =>
    startJobWorker({
      queue: name,
      handlers: tables[name],
      connection: connections.get('worker'),
      prefix,
      concurrency: config.CONCURRENCY,
      lockDurationMs: config.LOCK_DURATION_MS,
      observer,
    }),
  );

  let scheduleCheck: NodeJS.Timeout | undefined;
  if (config.QUEUES.includes(QueueName.TICKET_OUTBOX)) {
    if (demoDataOn(config) && (await seedDeadlineDemo(dataSource))) log.info('deadline demo ticket seeded');
    const schedules = { relayEveryMs: config.RELAY_EVERY_MS, sweepEveryMs: config.SWEEP_EVERY_MS };
    // A start is a moment to reconcile, whether or not the schedules were there.
    if (!(await ensureTicketSchedules(queues.outbox, schedules))) await sweepNow(queues.outbox, 'start');
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
      // No new jobs; running ones get the timeout, then go back to the queue for another replica.
      const closed = await Promise.all(workers.map((w) => w.close(config.SHUTDOWN_TIMEOUT_MS)));
      const returned = closed.reduce((n, c) => n + c.returned, 0);
      if (returned) log.warn({ returned }, 'jobs still running at shutdown were returned to the queue');
      await Promise.all(Object.values(queues).map((q) => q.close()));
      connections.disconnectAll();
      await dataSource.destroy();
    },
  };
}
