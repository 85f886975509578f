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
import type { Logger } from '@gridgov/platform-observability';
import {
  createSmsSender,
  type HandlerTable,
  jobHandlerTable,
  QueueName,
  type RunningWorkerProcess,
  startWorkerProcess,
  webhookTargetPolicy,
} from '@gridgov/platform-queue';
import { mountOperatorRoutes } from './operator-routes';
import { upsertReminderSchedules } from './reminder-schedules';
import { demoDataOn, type ReminderWorkerConfig } from './reminder-worker.config';

export type RunningReminderWorker = RunningWorkerProcess;

/**
 * A reminder worker process: notification delivery and/or reminders (by `QUEUES`), their schedules
 * and the operators' Bull Board. Tests call it in-process; `main.ts` runs it.
 */
export function createReminderWorker(config: ReminderWorkerConfig, overrides: { logger?: Logger } = {}): Promise<RunningReminderWorker> {
  return startWorkerProcess(
    'reminder-worker',
    config,
    async ({ log, queue, deadLetters }) => {
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
      const notifications = queue(QueueName.NOTIFICATIONS);
      const reminders = queue(QueueName.REMINDERS);
      const sms = createSmsSender({ url: config.SMS_PROVIDER_URL, token: config.SMS_PROVIDER_TOKEN, sinkFile: config.SMS_SINK_FILE });
      const retry = { attempts: config.DELIVERY_ATTEMPTS, backoffMs: config.DELIVERY_BACKOFF_MS };
      // Only the queues this process runs are built (and checked).
      const tables: Record<(typeof config.QUEUES)[number], () => HandlerTable> = {
        [QueueName.NOTIFICATIONS]: () =>
          jobHandlerTable(
            NOTIFICATION_JOB_NAMES,
            notificationHandlers({
              dataSource: org,
              notifications,
              sms,
              retry,
              webhookTimeoutMs: config.WEBHOOK_TIMEOUT_MS,
              webhookTargets: webhookTargetPolicy(config),
            }),
          ),
        [QueueName.REMINDERS]: () =>
          jobHandlerTable({ ...ORG_REMINDER_JOB_NAMES, ...GRID_REMINDER_JOB_NAMES }, [
            ...orgReminderHandlers({ dataSource: org, notifications }),
            ...gridReminderHandlers({ dataSource: grid, notifications, reminders, sms, retry }),
          ]),
      };
      const demo = demoDataOn(config);
      return {
        handlers: (name) => tables[name](),
        ready: async () => !!(await org.query('SELECT 1')),
        async start() {
          if (config.QUEUES.includes(QueueName.REMINDERS)) {
            await upsertReminderSchedules(reminders, config);
            if (demo) {
              // Today's digest and 三会一课 check at once, so the demo inboxes show them without waiting for the schedule.
              const day = new Date().toISOString().slice(0, 10);
              await reminders.add('visit-digest', { withinDays: 1 }, { jobId: `demo-visit-digest-${day}` });
              await reminders.add('party-meeting-reminders', {}, { jobId: `demo-party-meetings-${day}` });
            }
          }
          if (demo && config.QUEUES.includes(QueueName.NOTIFICATIONS) && (await seedNotificationDemo(org, notifications)))
            log.info({ smsSink: config.SMS_PROVIDER_URL ? null : config.SMS_SINK_FILE }, 'notification channel demo enqueued');
        },
        // The Bull Board shows every platform queue; producers of this process use the same objects.
        routes: (app) =>
          mountOperatorRoutes(app, { secret: config.ACCESS_TOKEN_SECRET, queues: Object.values(QueueName).map(queue), deadLetters }),
        close: async () => void (await Promise.all([org.destroy(), grid.destroy()])),
      };
    },
    overrides,
  );
}
