import { createDataSource } from '@gridgov/platform-database';
import type { Logger } from '@gridgov/platform-observability';
import { QueueName, type RunningWorkerProcess, startWorkerProcess } from '@gridgov/platform-queue';
import { seedDeadlineDemo, ticketDatabase } from '@gridgov/ticket-data-access';
import { ensureTicketSchedules, sweepNow, ticketJobTables } from '@gridgov/ticket-jobs';
import { demoDataOn, type TicketWorkerConfig } from './ticket-worker.config';

export type RunningTicketWorker = RunningWorkerProcess;

/**
 * A ticket worker process: the outbox relay and sweep and/or the timers (by `QUEUES`), and the relay
 * and sweep schedules when it runs the outbox queue. Tests call it in-process; `main.ts` runs it.
 */
export function createTicketWorker(config: TicketWorkerConfig, overrides: { logger?: Logger } = {}): Promise<RunningTicketWorker> {
  return startWorkerProcess(
    'ticket-worker',
    config,
    async ({ log, queue }) => {
      // ticket-service owns the schema and runs its migrations; the worker only connects.
      const dataSource = await createDataSource({
        ...ticketDatabase,
        schema: config.DATABASE_SCHEMA,
        url: config.DATABASE_URL,
        poolSize: config.DATABASE_POOL_SIZE,
        applicationName: 'gridgov-ticket-worker',
      }).initialize();
      const outbox = queue(QueueName.TICKET_OUTBOX);
      const tables = ticketJobTables(dataSource, {
        timers: queue(QueueName.TICKET_TIMERS),
        notifications: queue(QueueName.NOTIFICATIONS),
      });
      let scheduleCheck: NodeJS.Timeout | undefined;
      return {
        handlers: (name) => tables[name],
        ready: async () => !!(await dataSource.query('SELECT 1')),
        async start() {
          if (!config.QUEUES.includes(QueueName.TICKET_OUTBOX)) return;
          if (demoDataOn(config) && (await seedDeadlineDemo(dataSource))) log.info('deadline demo ticket seeded');
          const schedules = { relayEveryMs: config.RELAY_EVERY_MS, sweepEveryMs: config.SWEEP_EVERY_MS };
          // A start is a moment to reconcile, whether or not the schedules were there.
          if (!(await ensureTicketSchedules(outbox, schedules))) await sweepNow(outbox, 'start');
          scheduleCheck = setInterval(() => {
            ensureTicketSchedules(outbox, schedules).then(
              (recreated) => recreated && log.warn('queue schedules were missing (Redis lost its data?): recreated, sweeping now'),
              (error: unknown) => log.error({ err: error }, 'could not check the queue schedules'),
            );
          }, config.SCHEDULE_CHECK_MS);
        },
        stopping: () => clearInterval(scheduleCheck),
        close: () => dataSource.destroy(),
      };
    },
    overrides,
  );
}
