import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { BroadcastEntity, BroadcastService, BroadcastStatus, gridDatabase } from '@gridgov/grid-data-access';
import { Role } from '@gridgov/platform-auth';
import {
  createRedisConnection,
  eventually,
  FileSmsSink,
  jobHandlerTable,
  QueueName,
  startJobWorker,
} from '@gridgov/platform-queue';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { GRID_REMINDER_JOB_NAMES, gridReminderHandlers } from '../index';
import { createRegister } from '../testing/register-fixture';

// A broadcast recorded by staff is relayed into one job that texts every resident with a phone in the
// chosen grid (one message per phone) and nobody outside it.
describe('broadcast notices', () => {
  const url = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  const producer = createRedisConnection(url, 'producer');
  const consumer = createRedisConnection(url, 'worker');
  const reminders = new Queue(QueueName.REMINDERS, { connection: producer, prefix });
  const notifications = new Queue(QueueName.NOTIFICATIONS, { connection: producer, prefix });
  let db: TestDatabase;
  let dir: string;
  let worker: ReturnType<typeof startJobWorker>;

  beforeAll(async () => {
    db = await openTestDatabase(gridDatabase);
    dir = await mkdtemp(join(tmpdir(), 'gridgov-broadcast-'));
    await createRegister(db.dataSource, {
      '520303001001001': [
        { name: '户主', phone: '13900000011' },
        { name: '配偶', phone: '13900000011' },
        { name: '租户', phone: '13900000012' },
        { name: '无电话' },
      ],
      '520303001001002': [{ name: '隔壁网格', phone: '13900000021' }],
    });
    worker = startJobWorker({
      queue: QueueName.REMINDERS,
      handlers: jobHandlerTable(
        GRID_REMINDER_JOB_NAMES,
        gridReminderHandlers({
          dataSource: db.dataSource,
          notifications,
          reminders,
          sms: new FileSmsSink(join(dir, 'sms.log')),
          retry: { attempts: 2, backoffMs: 50 },
        }),
      ),
      connection: consumer,
      prefix,
      concurrency: 2,
    });
  });

  afterAll(async () => {
    await worker?.close();
    for (const queue of [reminders, notifications]) {
      await queue.obliterate({ force: true });
      await queue.close();
    }
    producer.disconnect();
    consumer.disconnect();
    await rm(dir, { recursive: true, force: true });
    await db?.close();
  });

  it('texts each phone of the chosen grid once and nobody else', async () => {
    const staff = new BroadcastService(
      db.dataSource,
      callerWith({ role: Role.COMMUNITY_STAFF, scopeCode: '520303001001' }),
    );
    const broadcast = await staff.create({
      gridCodes: ['520303001001001'],
      title: '停水通知',
      message: '明日 8:00-12:00 停水',
    });
    await reminders.add('broadcast-relay', {});
    const sent = await eventually(async () => {
      const row = await db.dataSource.getRepository(BroadcastEntity).findOneByOrFail({ id: broadcast.id });
      return row.status === BroadcastStatus.SENT ? row : null;
    });
    expect(sent.recipients).toBe(3);
    const lines = (await readFile(join(dir, 'sms.log'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(lines.map((l) => l[2]).sort()).toEqual(['13900000011', '13900000012']);
    expect(lines.every((l) => l[3] === '【停水通知】明日 8:00-12:00 停水')).toBe(true);

    // The relay again finds nothing to hand over.
    await reminders.add('broadcast-relay', {}, { jobId: 'second-relay' });
    await eventually(async () => ((await reminders.getJob('second-relay'))?.finishedOn ? true : null));
    expect((await readFile(join(dir, 'sms.log'), 'utf8')).trim().split('\n')).toHaveLength(2);
  });

  it('refuses grids outside the caller’s scope and unknown grids', async () => {
    const gridWorker = new BroadcastService(
      db.dataSource,
      callerWith({ role: Role.GRID_WORKER, scopeCode: '520303001001001' }),
    );
    await expect(
      gridWorker.create({ gridCodes: ['520303001001002'], title: '停电通知', message: '检修' }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(
      gridWorker.create({ gridCodes: ['520303001001009'], title: '停电通知', message: '检修' }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.gridCodes.0' } });
  });
});
