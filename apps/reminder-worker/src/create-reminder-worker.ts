import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { gridDatabase } from '@gridgov/grid-data-access';
import { GRID_REMINDER_JOB_NAMES, gridReminderHandlers } from '@gridgov/grid-jobs';
import { orgDatabase } from '@gridgov/org-data-access';
import {
  NOTIFICATION_JOB_NAMES,
  notificationHandlers,
  ORG_REMINDER_JOB_NAMES,
  orgReminderHandlers,
  seedNotificationDemo,
} from '@gridgov/org-jobs';
import { createDataSource } from '@gridgov/platform-database';
import { createLogger, createObservedApp, listen, type Logger } from '@gridgov/platform-observability';
import {
  createSmsSender,
  createWorkerMetrics,
  DeadLetterQueue,
  type HandlerTable,
  jobHandlerTable,
  QueueName,
  RedisConnections,
  type RunningJobWorker,
  startJobWorker,
  type WorkerMetrics,
} from '@gridgov/platform-queue';
import { mountOperatorRoutes } from './operator-routes';
import { upsertReminderSchedules } from './reminder-schedules';
import { demoDataOn, type ReminderWorkerConfig } from './reminder-worker.config';

export interface RunningReminderWorker {
  port: number;
  metrics: WorkerMetrics;
  stop(): Promise<void>;
}

/**
 * A reminder worker process: notification delivery and/or reminders (by `QUEUES`), their schedules,
 * /healthz, /readyz, /metrics and the operators' Bull Board. Tests call it in-process; `main.ts` runs it.
 */
export async function createReminderWorker(
  config: ReminderWorkerConfig,
  overrides: { logger?: Logger } = {},
): Promise<RunningReminderWorker> {
  const log = overrides.logger ?? createLogger('reminder-worker', config.LOG_LEVEL);
  // The services own and migrate their schemas; the worker only connects.
  const connect = (database: typeof orgDatabase | typeof gridDatabase, schema: string): Promise<DataSource> =>
    createDataSource({
      ...database,
      schema,
      url: config.DATABASE_URL,
      poolSize: config.DATABASE_POOL_SIZE,
      applicationName: 'gridgov-reminder-worker',
    }).initialize();
  const [org, grid] = await Promise.all([connect(orgDatabase, config.ORG_SCHEMA), connect(gridDatabase, config.GRID_SCHEMA)]);

  const connections = new RedisConnections(config.REDIS_URL);
  const producer = connections.get('producer');
  const prefix = config.QUEUE_PREFIX;
  // Every platform queue, for the Bull Board; producers of this process use the same objects.
  const queues = new Map(Object.values(QueueName).map((name) => [name, new Queue(name, { connection: producer, prefix })]));
  const queue = (name: QueueName) => queues.get(name) as Queue;
  const deadLetters = new DeadLetterQueue(producer, prefix);
  const metrics = createWorkerMetrics('reminder-worker', [...config.QUEUES.map(queue), queue(QueueName.DEAD_LETTER)]);
  const sms = createSmsSender({ url: config.SMS_PROVIDER_URL, token: config.SMS_PROVIDER_TOKEN, sinkFile: config.SMS_SINK_FILE });

  // Built before any worker starts: a missing or duplicate handler stops start-up here.
  const tables: Record<(typeof config.QUEUES)[number], () => HandlerTable> = {
    [QueueName.NOTIFICATIONS]: () =>
      jobHandlerTable(
        NOTIFICATION_JOB_NAMES,
        notificationHandlers({
          dataSource: org,
          notifications: queue(QueueName.NOTIFICATIONS),
          sms,
          retry: { attempts: config.DELIVERY_ATTEMPTS, backoffMs: config.DELIVERY_BACKOFF_MS },
          webhookTimeoutMs: config.WEBHOOK_TIMEOUT_MS,
        }),
      ),
    [QueueName.REMINDERS]: () =>
      jobHandlerTable({ ...ORG_REMINDER_JOB_NAMES, ...GRID_REMINDER_JOB_NAMES }, [
        ...orgReminderHandlers({ dataSource: org, notifications: queue(QueueName.NOTIFICATIONS) }),
        ...gridReminderHandlers({
          dataSource: grid,
          notifications: queue(QueueName.NOTIFICATIONS),
          reminders: queue(QueueName.REMINDERS),
          sms,
          retry: { attempts: config.DELIVERY_ATTEMPTS, backoffMs: config.DELIVERY_BACKOFF_MS },
        }),
      ]),
  };
  const handlerTables = config.QUEUES.map((name) => [name, tables[name]()] as const);
  const observer = metrics.observer(
    (error) => log.error({ err: error }, 'worker error'),
    (job, error, final) =>
      log.warn({ queue: job.queueName, job: job.name, jobId: job.id, err: error.message, deadLettered: final }, 'job failed'),
  );
  const workers: RunningJobWorker[] = handlerTables.map(([name, handlers]) =>
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

  const demo = demoDataOn(config);
  if (config.QUEUES.includes(QueueName.REMINDERS)) {
    await upsertReminderSchedules(queue(QueueName.REMINDERS), config);
    if (demo) {
      // Today's digest and 三会一课 check at once, so the demo inboxes show them without waiting for the schedule.
      const day = new Date().toISOString().slice(0, 10);
      await queue(QueueName.REMINDERS).add('visit-digest', { withinDays: 1 }, { jobId: `demo-visit-digest-${day}` });
      await queue(QueueName.REMINDERS).add('party-meeting-reminders', {}, { jobId: `demo-party-meetings-${day}` });
    }
  }
  if (demo && config.QUEUES.includes(QueueName.NOTIFICATIONS) && (await seedNotificationDemo(org, queue(QueueName.NOTIFICATIONS))))
    log.info({ smsSink: config.SMS_PROVIDER_URL ? null : config.SMS_SINK_FILE }, 'notification channel demo enqueued');

  const app = createObservedApp({
    logger: log,
    metrics,
    ready: async () => (await producer.ping()) === 'PONG' && !!(await org.query('SELECT 1')),
  });
  mountOperatorRoutes(app, { secret: config.ACCESS_TOKEN_SECRET, queues: [...queues.values()], deadLetters });
  const http = await listen(app, config.PORT, '0.0.0.0');
  log.info({ port: http.port, queues: config.QUEUES, concurrency: config.CONCURRENCY }, 'reminder-worker ready');

  return {
    port: http.port,
    metrics,
    async stop() {
      await http.close();
      const closed = await Promise.all(workers.map((w) => w.close(config.SHUTDOWN_TIMEOUT_MS)));
      const returned = closed.reduce((sum, c) => sum + c.returned, 0);
      if (returned > 0) log.warn({ jobs: returned }, 'jobs still running at shutdown were returned to their queue');
      await Promise.all([...queues.values()].map((q) => q.close()));
      await deadLetters.close();
      connections.disconnectAll();
      await Promise.all([org.destroy(), grid.destroy()]);
    },
  };
}
