import type { Queue } from 'bullmq';
import { upsertReceiptPruneSchedule } from '@gridgov/org-jobs';
import type { ReminderWorkerConfig } from './reminder-worker.config';

const RETRY = { attempts: 3, backoff: { type: 'exponential', delay: 5_000 } };

/**
 * The periodic reminders as BullMQ job schedulers: upserting is idempotent, so every replica that runs
 * the reminders queue can do it at start, and a changed setting replaces the old schedule.
 */
export async function upsertReminderSchedules(reminders: Queue, config: ReminderWorkerConfig): Promise<void> {
  const tz = config.SCHEDULE_TZ;
  await reminders.upsertJobScheduler(
    'visit-digest',
    { pattern: config.VISIT_DIGEST_CRON, tz },
    { name: 'visit-digest', data: { withinDays: 1 }, opts: { ...RETRY, removeOnComplete: 100, removeOnFail: 100 } },
  );
  await reminders.upsertJobScheduler(
    'party-meeting-reminders',
    { pattern: config.PARTY_MEETING_CRON, tz },
    { name: 'party-meeting-reminders', data: {}, opts: { ...RETRY, removeOnComplete: 100, removeOnFail: 100 } },
  );
  await reminders.upsertJobScheduler(
    'council-meeting-reminders',
    { pattern: config.COUNCIL_MEETING_CRON, tz },
    {
      name: 'council-meeting-reminders',
      data: { daysAhead: config.COUNCIL_DAYS_AHEAD },
      opts: { ...RETRY, removeOnComplete: 100, removeOnFail: 100 },
    },
  );
  await reminders.upsertJobScheduler(
    'broadcast-relay',
    { every: config.BROADCAST_RELAY_EVERY_MS },
    { name: 'broadcast-relay', data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
  );
  await upsertReceiptPruneSchedule(reminders, {
    pattern: config.RECEIPT_PRUNE_CRON,
    tz,
    retentionDays: config.NOTIFICATION_RECEIPT_RETENTION_DAYS,
  });
}
