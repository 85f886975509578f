import { env } from '@gridgov/platform-config';
import { loadWorkerConfig, QueueName, workerProcessEnv } from '@gridgov/platform-queue';

/** The queues a ticket worker can run; each replica runs any subset (`--queues`). */
export const TICKET_WORKER_QUEUES = [QueueName.TICKET_OUTBOX, QueueName.TICKET_TIMERS] as const;

/** Every variable ticket-worker reads, with its default. */
export const ticketWorkerEnv = {
  ...workerProcessEnv(TICKET_WORKER_QUEUES),
  PORT: env.int('HTTP port of /healthz, /readyz and /metrics', 4010, { min: 0, max: 65535 }),
  DATABASE_URL: env.url('PostgreSQL connection URL', undefined, ['postgres:', 'postgresql:']),
  DATABASE_SCHEMA: env.string('schema of ticket-service (which runs the migrations)', 'ticket'),
  DATABASE_POOL_SIZE: env.int('connections in this worker’s pool', 5, { min: 1, max: 200 }),
  RELAY_EVERY_MS: env.int('how often the outbox relay runs', 1000, { min: 50 }),
  SWEEP_EVERY_MS: env.int('how often the reconciliation sweep runs', 300_000, { min: 1000 }),
  SCHEDULE_CHECK_MS: env.int('how often the relay and sweep schedules are checked (recreated after a Redis loss)', 10_000, {
    min: 100,
  }),
  DEMO_DATA: env.optionalBool('seed the deadline demo (true/false); default: true when NODE_ENV=development'),
};

export type TicketWorkerConfig = ReturnType<typeof loadTicketWorkerConfig>;

/** Reads the environment; `--queues` and `--concurrency` on the command line win over it. */
export const loadTicketWorkerConfig = (source: NodeJS.ProcessEnv = process.env, argv: string[] = []) =>
  loadWorkerConfig(ticketWorkerEnv, source, argv);

export const demoDataOn = (config: TicketWorkerConfig): boolean => config.DEMO_DATA ?? config.NODE_ENV === 'development';
