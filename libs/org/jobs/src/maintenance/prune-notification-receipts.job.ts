import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { NotificationDeliveryService } from '@gridgov/org-data-access';
import type { HandlerOf } from '@gridgov/platform-queue';
import type { OrgReminderJobMap } from '../org-job-map';

export interface PruneNotificationReceiptsPayload {
  /** Receipts delivered more than this many days ago are deleted. */
  retentionDays: number;
  /** Rows per DELETE statement. */
  batchSize?: number;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Deletes old delivery receipts. They only keep a retried or replayed delivery from serving a recipient
 * twice, so retention must exceed how long failed deliveries are kept for replay.
 */
export class PruneNotificationReceiptsJob implements HandlerOf<OrgReminderJobMap, 'prune-notification-receipts'> {
  readonly name = 'prune-notification-receipts';

  constructor(private readonly dataSource: DataSource) {}

  async run(
    { retentionDays, batchSize = 5_000 }: PruneNotificationReceiptsPayload,
    _job?: unknown,
    now = new Date(),
  ): Promise<{ deleted: number }> {
    const before = new Date(now.getTime() - retentionDays * DAY_MS);
    return { deleted: await new NotificationDeliveryService(this.dataSource).pruneReceipts(before, batchSize) };
  }
}

/** The daily prune as a job scheduler on the reminders queue (idempotent: every replica may upsert it). */
export async function upsertReceiptPruneSchedule(
  reminders: Queue,
  options: { pattern: string; tz: string; retentionDays: number },
): Promise<void> {
  await reminders.upsertJobScheduler(
    'prune-notification-receipts',
    { pattern: options.pattern, tz: options.tz },
    {
      name: 'prune-notification-receipts',
      data: { retentionDays: options.retentionDays } satisfies PruneNotificationReceiptsPayload,
      opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: 100, removeOnFail: 100 },
    },
  );
}
