import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { gridDatabase, GridTeamService, TeamRole, VisitService } from '@gridgov/grid-data-access';
import { Role } from '@gridgov/platform-auth';
import { createRedisConnection, type NotificationJob, QueueName } from '@gridgov/platform-queue';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { createRegister } from '../testing/register-fixture';
import { VisitDigestJob } from './visit-digest.job';

const DAY = 86_400_000;

// The daily visit digest: per recipient, each of their grids' overdue and due-today counts by the
// register's visit rules, one inbox notification, carrying no names or resident ids.
describe('visit digest', () => {
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  const connection = createRedisConnection(
    process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    'producer',
  );
  const notifications = new Queue(QueueName.NOTIFICATIONS, { connection, prefix });
  let db: TestDatabase;
  const now = new Date('2026-11-20T01:00:00Z'); // 2026-11-20 in China
  // Responsible for 001 and 002 (and 003, where nobody is due); earlier responsible for 002; messenger of 001.
  const worker = randomUUID();
  const formerWorker = randomUUID();
  const messenger = randomUUID();
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
      '520303001001004': [{ name: '无责任人网格', tagCodes: ['ELDERLY_ALONE'] }],
    });
    const visits = new VisitService(db.dataSource, callerWith({ role: Role.GRID_WORKER, scopeCode: '5203' }));
    const visit = (name: string, daysAgo: number) =>
      visits.log({ residentId: ids[name], visitedAt: new Date(now.getTime() - daysAgo * DAY) }, now);
    await visit('十天前走访', 10);
    await visit('昨天走访', 1);
    await visit('明天到期', 29.5);
    await visit('下月到期', 2);

    const teams = new GridTeamService(db.dataSource, callerWith({ role: Role.UNIT_ADMIN, scopeCode: '' }));
    const appoint = (gridCode: string, accountId: string, startsOn: string, endsOn?: string) =>
      teams.appoint({ gridCode, role: TeamRole.RESPONSIBLE, name: '网格员', accountId, startsOn, endsOn });
    await appoint('520303001001001', worker, '2026-01-01');
    await appoint('520303001001002', formerWorker, '2026-01-01', '2026-11-19');
    await appoint('520303001001002', worker, '2026-11-20');
    await appoint('520303001001003', worker, '2026-01-01');
    await teams.appoint({
      gridCode: '520303001001001',
      role: TeamRole.MESSENGER,
      name: '传递员',
      accountId: messenger,
      startsOn: '2026-01-01',
    });
  });

  afterAll(async () => {
    await notifications.obliterate({ force: true });
    await notifications.close();
    connection.disconnect();
    await db?.close();
  });

  it('enqueues one digest per recipient listing each of their grids with residents due, counts only', async () => {
    const job = new VisitDigestJob(db.dataSource, notifications, () => now);
    expect(await job.run({})).toEqual({ grids: 3, digests: 2 });
    // The role holders' digest first, then the responsible worker's (whose id is random).
    const roleHoldersId = 'visit-digest-520303001001004-2026-11-20';
    const jobs = (await notifications.getJobs(['waiting'])).sort(
      (a, b) => Number(b.id === roleHoldersId) - Number(a.id === roleHoldersId),
    );
    expect(jobs.map((j) => j.id)).toEqual([roleHoldersId, `visit-digest-${worker}-2026-11-20`]);
    const [roleHolders, responsible] = jobs.map((j) => j.data as NotificationJob);
    // The grid whose team has no account goes to the GRID_WORKER accounts covering it (org resolves them).
    expect(roleHolders).toMatchObject({
      template: 'VISIT_DIGEST',
      recipients: { roleHolders: [{ role: Role.GRID_WORKER, code: '520303001001004' }] },
      params: { overdue: 0, dueToday: 1 },
      link: '/grids/520303001001004/due-visits',
    });
    expect(JSON.parse(String(roleHolders.params['grids']))).toEqual([
      { gridCode: '520303001001004', overdue: 0, dueToday: 1 },
    ]);
    // The worker responsible today for 001 and 002: one digest with both; not the former one, not the messenger.
    expect(responsible).toMatchObject({
      template: 'VISIT_DIGEST',
      recipients: { accountIds: [worker] },
      params: { overdue: 1, dueToday: 2 },
      link: '/due-visits',
    });
    expect(JSON.parse(String(responsible.params['grids']))).toEqual([
      { gridCode: '520303001001001', overdue: 1, dueToday: 1 },
      { gridCode: '520303001001002', overdue: 0, dueToday: 1 },
    ]);
    const carried = JSON.stringify(jobs.map((j) => j.data));
    for (const [name, id] of Object.entries(ids)) {
      expect(carried).not.toContain(name);
      expect(carried).not.toContain(id);
    }
    for (const other of [formerWorker, messenger]) expect(carried).not.toContain(other);

    // Running the schedule again the same day notifies nobody twice.
    await job.run({});
    expect(await notifications.getJobCountByTypes('waiting')).toBe(2);
  });
});
