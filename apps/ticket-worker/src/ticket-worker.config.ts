import { env, loadConfig, runtimeEnv } from '@gridgov/platform-config';
import { QueueName, queueListEnv, workerCliOverrides } from '@gridgov/platform-queue';

/** The queues a ticket worker can run; each replica runs any subset (`--queues`). */
export const TICKET_WORKER_QUEUES = [QueueName.TICKET_OUTBOX, QueueName.TICKET_TIMERS] as const;

/** Every variable ticket-worker reads, with its default. */
export const ticketWorkerEnv = {
  ...runtimeEnv,
  PORT: env.int('HTTP port of /healthz, /readyz and /metrics', 4010, { min: 0, max: 65535 }),
  DATABASE_URL: env.url('PostgreSQL connection URL', undefined, ['postgres:', 'postgresql:']),
  DATABASE_SCHEMA: env.string('schema of ticket-service (which runs the migrations)', 'ticket'),
  DATABASE_POOL_SIZE: env.int('connections in this worker’s pool', 5, { min: 1, max: 200 }),
  REDIS_URL: env.url('Redis URL of the BullMQ queues', undefined, ['redis:', 'rediss:']),
  QUEUE_PREFIX: env.string('BullMQ key prefix', 'bull'),
  QUEUES: queueListEnv(TICKET_WORKER_QUEUES, 'comma-separated queues this process works on (CLI --queues)'),
  CONCURRENCY: env.int('jobs in flight per queue (CLI --concurrency)', 8, { min: 1, max: 1000 }),
  RELAY_EVERY_MS: env.int('how often the outbox relay runs', 1000, { min: 50 }),
  SWEEP_EVERY_MS: env.int('how often the reconciliation sweep runs', 300_000, { min: 1000 }),
  SCHEDULE_CHECK_MS: env.int('how often the relay and sweep schedules are checked (recreated after a Redis loss)', 10_000, {
    min: 100,
  }),
  LOCK_DURATION_MS: env.int('job lock; a crashed worker’s jobs run again after it', 30_000, { min: 500 }),
  SHUTDOWN_TIMEOUT_MS: env.int('on SIGTERM, wait this long for running jobs, then return them to the queue', 10_000, {
    min: 0,
  }),
  DEMO_DATA: env.optionalBool('seed the deadline demo (true/false); default: true when NODE_ENV=development'),
};

export type TicketWorkerConfig = ReturnType<typeof loadTicketWorkerConfig>;

/** Reads the environment; `--queues` and `--concurrency` on the command line win over it. */
export const loadTicketWorkerConfig = (source: NodeJS.ProcessEnv = process.env, argv: string[] = []) =>
  loadConfig(ticketWorkerEnv, { ...source, ...workerCliOverrides(argv) });

export const demoDataOn = (config: TicketWorkerConfig): boolean => config.DEMO_DATA ?? config.NODE_ENV === 'development';
