import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { NotificationReceiptEntity, orgDatabase } from '@gridgov/org-data-access';
import { createRedisConnection, QueueName } from '@gridgov/platform-queue';
import { openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { PruneNotificationReceiptsJob, upsertReceiptPruneSchedule } from './prune-notification-receipts.job';

const DAY_MS = 24 * 3600 * 1000;

// Receipts older than the retention go, in batches; younger ones (and one exactly at the limit) stay.
describe('prune-notification-receipts', () => {
  let db: TestDatabase;
  const now = new Date('2026-06-30T03:30:00Z');
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

  beforeAll(async () => {
    db = await openTestDatabase(orgDatabase);
  });
  afterAll(() => db?.close());

  it('deletes exactly the receipts delivered before the retention, however many batches it takes', async () => {
    const receipts = db.dataSource.getRepository(NotificationReceiptEntity);
    const ages = { old1: 400, old2: 181, old3: 180.5, old4: 200, old5: 365, limit: 180, recent: 179, today: 0 };
    await receipts.insert(
      Object.entries(ages).map(([recipient, days]) => ({
        notificationId: `n-${recipient}`,
        channel: 'INBOX',
        recipient,
        deliveredAt: daysAgo(days),
      })),
    );
    const job = new PruneNotificationReceiptsJob(db.dataSource);
    expect(await job.run({ retentionDays: 180, batchSize: 2 }, undefined, now)).toEqual({ deleted: 5 });
    const left = await receipts.find({ order: { recipient: 'ASC' } });
    expect(left.map((r) => r.recipient)).toEqual(['limit', 'recent', 'today']);
    expect(await job.run({ retentionDays: 180, batchSize: 2 }, undefined, now)).toEqual({ deleted: 0 });
  });

  it('is scheduled on the reminders queue with the configured retention', async () => {
    const connection = createRedisConnection(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379', 'producer');
    const reminders = new Queue(QueueName.REMINDERS, { connection, prefix: `test-${randomBytes(4).toString('hex')}` });
    try {
      await upsertReceiptPruneSchedule(reminders, { pattern: '30 3 * * *', tz: 'Asia/Shanghai', retentionDays: 90 });
      expect(await reminders.getJobScheduler('prune-notification-receipts')).toMatchObject({
        name: 'prune-notification-receipts',
        pattern: '30 3 * * *',
        tz: 'Asia/Shanghai',
        template: { data: { retentionDays: 90 } },
      });
    } finally {
      await reminders.obliterate({ force: true });
      await reminders.close();
      connection.disconnect();
    }
  });
});
