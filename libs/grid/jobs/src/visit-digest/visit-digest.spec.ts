import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { gridDatabase, VisitService } from '@gridgov/grid-data-access';
import { Role } from '@gridgov/platform-auth';
import { createRedisConnection, type NotificationJob, QueueName } from '@gridgov/platform-queue';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { createRegister } from '../testing/register-fixture';
import { VisitDigestJob } from './visit-digest.job';

const DAY = 86_400_000;

// The daily visit digest: per grid, overdue and due-today counts by the register's visit rules,
// one inbox notification to that grid's workers, carrying no names or resident ids.
describe('visit digest', () => {
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  const connection = createRedisConnection(
    process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    'producer',
  );
  const notifications = new Queue(QueueName.NOTIFICATIONS, { connection, prefix });
  let db: TestDatabase;
  const now = new Date('2026-11-20T01:00:00Z');
  let ids: Record<string, string>;

  beforeAll(async () => {
    db = await openTestDatabase(gridDatabase);
    ids = await createRegister(db.dataSource, {
      '520303001001001': [
        { name: '从未走访', tagCodes: ['ELDERLY_ALONE'] },
        { name: '十天前走访', tagCodes: ['ELDERLY_ALONE'] },
        { name: '昨天走访', tagCodes: ['ELDERLY_ALONE'] },
        { name: '无标签' },
      ],
      '520303001001002': [{ name: '明天到期', tagCodes: ['DISABLED'] }],
      '520303001001003': [{ name: '下月到期', tagCodes: ['DISABLED'] }],
    });
    const visits = new VisitService(db.dataSource, callerWith({ role: Role.GRID_WORKER, scopeCode: '5203' }));
    const visit = (name: string, daysAgo: number) =>
      visits.log({ residentId: ids[name], visitedAt: new Date(now.getTime() - daysAgo * DAY) }, now);
    await visit('十天前走访', 10);
    await visit('昨天走访', 1);
    await visit('明天到期', 29.5);
    await visit('下月到期', 2);
  });

  afterAll(async () => {
    await notifications.obliterate({ force: true });
    await notifications.close();
    connection.disconnect();
    await db?.close();
  });

  it('enqueues one digest per grid with residents due, with counts only', async () => {
    expect(await new VisitDigestJob(db.dataSource, notifications, () => now).run({})).toEqual({ grids: 2 });
    const jobs = (await notifications.getJobs(['waiting'])).sort((a, b) =>
      String(a.id).localeCompare(String(b.id)),
    );
    expect(jobs.map((j) => j.id)).toEqual([
      'visit-digest-520303001001001-2026-11-20',
      'visit-digest-520303001001002-2026-11-20',
    ]);
    expect(jobs.map((j) => j.data as NotificationJob)).toEqual([
      expect.objectContaining({
        template: 'VISIT_DIGEST',
        recipients: { roleHolders: [{ role: Role.GRID_WORKER, code: '520303001001001' }] },
        params: { gridCode: '520303001001001', overdue: 1, dueToday: 1 },
      }),
      expect.objectContaining({ params: { gridCode: '520303001001002', overdue: 0, dueToday: 1 } }),
    ]);
    const carried = JSON.stringify(jobs.map((j) => j.data));
    for (const [name, id] of Object.entries(ids)) {
      expect(carried).not.toContain(name);
      expect(carried).not.toContain(id);
    }

    // Running the schedule again the same day notifies nobody twice.
    await new VisitDigestJob(db.dataSource, notifications, () => now).run({});
    expect(await notifications.getJobCountByTypes('waiting')).toBe(2);
  });
});
