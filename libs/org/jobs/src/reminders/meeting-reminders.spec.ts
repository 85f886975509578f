import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import {
  AccountEntity,
  CouncilMeetingEntity,
  CouncilMeetingKind,
  NotificationDeliveryService,
  orgDatabase,
  PartyMeetingEntity,
  PartyMeetingKind,
  PartyOrganizationEntity,
  PartyOrganizationKind,
  PartyOrganizationLevel,
  RoleGrantEntity,
} from '@gridgov/org-data-access';
import { Role } from '@gridgov/platform-auth';
import {
  createRedisConnection,
  KEEP_FINISHED,
  type NotificationJob,
  NOTIFY_JOB,
  QueueName,
} from '@gridgov/platform-queue';
import { openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { CouncilMeetingRemindersJob } from './council-meeting-reminders.job';
import { PartyMeetingRemindersJob } from './party-meeting-reminders.job';

// 三会一课 reminders go to exactly the branches behind in the current period (to their party
// administrators); council reminders to the organisers of meetings coming up and not yet concluded.
describe('meeting reminders', () => {
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  const connection = createRedisConnection(
    process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    'producer',
  );
  const notifications = new Queue(QueueName.NOTIFICATIONS, { connection, prefix });
  let db: TestDatabase;
  const branch: Record<string, PartyOrganizationEntity> = {};
  const admins: Record<string, string> = {};

  const queued = async (template: string) =>
    (await notifications.getJobs(['waiting']))
      .map((job) => job.data as NotificationJob)
      .filter((n) => n.template === template)
      .sort((a, b) => a.notificationId.localeCompare(b.notificationId));

  beforeAll(async () => {
    db = await openTestDatabase(orgDatabase);
    const organizations = db.dataSource.getRepository(PartyOrganizationEntity);
    const create = (name: string, unitCode: string, level = PartyOrganizationLevel.BRANCH) =>
      organizations.save(
        organizations.create({ name, unitCode, level, kind: PartyOrganizationKind.GRID, parentId: null }),
      );
    branch['done'] = await create('全部召开支部', '520303001001');
    branch['noLecture'] = await create('缺党课支部', '520303001002');
    branch['nothing'] = await create('一次未开支部', '520303001001');
    branch['committee'] = await create('社区党委', '520303001001', PartyOrganizationLevel.COMMITTEE);
    const meetings = db.dataSource.getRepository(PartyMeetingEntity);
    const hold = (b: PartyOrganizationEntity, kinds: PartyMeetingKind[], heldOn = '2026-11-10') =>
      meetings.save(
        kinds.map((kind) =>
          meetings.create({
            branchId: b.id,
            kind,
            heldOn,
            attendance: 10,
            absent: 0,
            minutes: '学习',
            recordedBy: randomUUID(),
          }),
        ),
      );
    await hold(branch['done'], Object.values(PartyMeetingKind));
    await hold(
      branch['noLecture'],
      Object.values(PartyMeetingKind).filter((k) => k !== PartyMeetingKind.PARTY_LECTURE),
    );
    // Held, but in the previous quarter: does not count for this one.
    await hold(branch['noLecture'], [PartyMeetingKind.PARTY_LECTURE], '2026-09-20');

    const accounts = db.dataSource.getRepository(AccountEntity);
    for (const [key, scopeCode] of [
      ['zhuhai', '520303001001'],
      ['renmin', '520303001002'],
      ['district', '520303'],
    ] as const) {
      const account = await accounts.save(accounts.create({ username: `party.${key}`, displayName: key }));
      admins[key] = account.id;
      await db.dataSource
        .getRepository(RoleGrantEntity)
        .save({ accountId: account.id, role: Role.PARTY_ADMIN, scopeCode });
    }
  });

  afterAll(async () => {
    await notifications.obliterate({ force: true });
    await notifications.close();
    connection.disconnect();
    await db?.close();
  });

  it('reminds exactly the branches behind this period, naming the missing meetings', async () => {
    expect(
      await new PartyMeetingRemindersJob(db.dataSource, notifications).run({ on: '2026-11-20' }),
    ).toEqual({ branches: 2 });
    const reminders = await queued('PARTY_MEETING_DUE');
    expect(reminders.map((n) => n.params['branchId']).sort()).toEqual(
      [branch['noLecture'].id, branch['nothing'].id].sort(),
    );
    const byBranch = new Map(reminders.map((n) => [n.params['branchId'], n]));
    const recipientsOf = (b: PartyOrganizationEntity) => byBranch.get(b.id)?.recipients ?? {};
    expect(byBranch.get(branch['noLecture'].id)?.params).toMatchObject({ meetingKinds: '党课', count: 1 });
    expect(byBranch.get(branch['nothing'].id)?.params).toMatchObject({ count: 4 });

    const delivery = new NotificationDeliveryService(db.dataSource);
    expect((await delivery.expand(recipientsOf(branch['nothing']))).sort()).toEqual(
      [admins['zhuhai'], admins['district']].sort(),
    );
    expect((await delivery.expand(recipientsOf(branch['noLecture']))).sort()).toEqual(
      [admins['renmin'], admins['district']].sort(),
    );
  });

  it('announces council meetings coming up within the window and not yet concluded', async () => {
    const councils = db.dataSource.getRepository(CouncilMeetingEntity);
    const meeting = (title: string, heldOn: string, publishedAt: Date | null = null) =>
      councils.save(
        councils.create({
          unitCode: '520303001001',
          kind: CouncilMeetingKind.DECISION,
          title,
          heldOn,
          participants: ['甲', '乙'],
          publishedAt,
        }),
      );
    const soon = await meeting('加装电梯议事', '2026-11-21');
    await meeting('下月议事', '2026-12-20');
    await meeting('已公示议事', '2026-11-21', new Date('2026-11-19T00:00:00Z'));
    const now = new Date('2026-11-20T00:30:00Z');
    expect(
      await new CouncilMeetingRemindersJob(db.dataSource, notifications).run(
        { daysAhead: 2 },
        undefined,
        now,
      ),
    ).toEqual({ meetings: 1 });
    expect(await queued('COUNCIL_MEETING_SOON')).toEqual([
      expect.objectContaining({
        notificationId: `council-meeting-${soon.id}-2026-11-21`,
        params: { meetingId: soon.id, title: '加装电梯议事', heldOn: '2026-11-21', participants: 2 },
      }),
    ]);
  });

  it('queues each reminder as one notify job under its notification id, and a re-run adds none', async () => {
    const jobs = async () =>
      (await notifications.getJobs(['waiting'])).sort((a, b) => String(a.id).localeCompare(String(b.id)));
    const before = await jobs();
    // Both earlier tests' reminders: two branches and one council meeting.
    expect(before).toHaveLength(3);
    for (const job of before) {
      expect(job.name).toBe(NOTIFY_JOB);
      expect(job.id).toBe((job.data as NotificationJob).notificationId);
      expect(job.opts).toMatchObject(KEEP_FINISHED);
    }
    await new PartyMeetingRemindersJob(db.dataSource, notifications).run({ on: '2026-11-20' });
    await new CouncilMeetingRemindersJob(db.dataSource, notifications).run(
      { daysAhead: 2 },
      undefined,
      new Date('2026-11-20T00:30:00Z'),
    );
    expect((await jobs()).map((job) => [job.id, job.timestamp])).toEqual(
      before.map((job) => [job.id, job.timestamp]),
    );
  });
});
