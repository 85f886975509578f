import { env } from '@gridgov/platform-config';
import { loadWorkerConfig, QueueName, webhookTargetEnv, workerProcessEnv } from '@gridgov/platform-queue';

/** The queues a reminder worker can run; each process runs any subset (`--queues notifications`). */
export const REMINDER_WORKER_QUEUES = [QueueName.NOTIFICATIONS, QueueName.REMINDERS] as const;

/** Every variable reminder-worker reads, with its default. */
export const reminderWorkerEnv = {
  ...workerProcessEnv(REMINDER_WORKER_QUEUES),
  PORT: env.int('HTTP port of /healthz, /readyz, /metrics and the Bull Board', 4011, { min: 0, max: 65535 }),
  DATABASE_URL: env.url('PostgreSQL connection URL', undefined, ['postgres:', 'postgresql:']),
  ORG_SCHEMA: env.string('schema of org-service (inbox, accounts, party, council; org-service migrates it)', 'org'),
  GRID_SCHEMA: env.string('schema of grid-service (register, visits, broadcasts; grid-service migrates it)', 'grid'),
  DATABASE_POOL_SIZE: env.int('connections per schema in this worker’s pools', 5, { min: 1, max: 200 }),
  ACCESS_TOKEN_SECRET: env.string('HMAC secret of login tokens: the Bull Board accepts platform operators’ tokens'),
  DELIVERY_ATTEMPTS: env.int('attempts per channel before a delivery goes to the dead-letter queue', 5, { min: 1, max: 50 }),
  DELIVERY_BACKOFF_MS: env.int('first retry delay of a channel; doubles on each attempt', 1_000, { min: 10 }),
  WEBHOOK_TIMEOUT_MS: env.int('timeout of one webhook call', 5_000, { min: 100 }),
  ...webhookTargetEnv,
  SMS_PROVIDER_URL: env.optional('SMS provider endpoint (JSON POST); unset: messages go to SMS_SINK_FILE'),
  SMS_PROVIDER_TOKEN: env.optional('bearer token for the SMS provider'),
  SMS_SINK_FILE: env.string('development SMS sink: one line per message', '.data/sms.log'),
  SCHEDULE_TZ: env.string('time zone of the reminder schedules', 'Asia/Shanghai'),
  VISIT_DIGEST_CRON: env.string('when the visit digest goes out (cron)', '0 7 * * *'),
  PARTY_MEETING_CRON: env.string('when 三会一课 reminders go out (cron)', '0 9 * * 1'),
  COUNCIL_MEETING_CRON: env.string('when council meeting reminders go out (cron)', '0 8 * * *'),
  COUNCIL_DAYS_AHEAD: env.int('council meetings this many days ahead are announced', 2, { min: 0, max: 30 }),
  BROADCAST_RELAY_EVERY_MS: env.int('how often recorded broadcasts are handed to the worker', 2_000, { min: 100 }),
  NOTIFICATION_RECEIPT_RETENTION_DAYS: env.int(
    'delivery receipts older than this are deleted; keep it above how long dead letters wait for a replay',
    180,
    { min: 1 },
  ),
  RECEIPT_PRUNE_CRON: env.string('when old delivery receipts are deleted (cron)', '30 3 * * *'),
  DEMO_DATA: env.optionalBool('seed the channel demo (true/false); default: true when NODE_ENV=development'),
};

export type ReminderWorkerConfig = ReturnType<typeof loadReminderWorkerConfig>;

/** Reads the environment; `--queues` and `--concurrency` on the command line win over it. */
export const loadReminderWorkerConfig = (source: NodeJS.ProcessEnv = process.env, argv: string[] = []) =>
  loadWorkerConfig(reminderWorkerEnv, source, argv);

export const demoDataOn = (config: ReminderWorkerConfig): boolean => config.DEMO_DATA ?? config.NODE_ENV === 'development';
