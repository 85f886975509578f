import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  AccountEntity,
  DepartmentEntity,
  DepartmentKind,
  DepartmentWebhookEntity,
  NotificationContactEntity,
  NotificationEntity,
  orgDatabase,
  RoleGrantEntity,
} from '@gridgov/org-data-access';
import { Role } from '@gridgov/platform-auth';
import {
  enqueueNotification,
  eventually,
  FileSmsSink,
  NotificationChannel,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyWebhookSignature,
  webhookSignature,
  webhookTargetPolicy,
} from '@gridgov/platform-queue';
import { openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { runNotificationDelivery } from '../index';

interface Received {
  path: string;
  valid: boolean;
  body: { notificationId: string; departmentId: string; title: string };
}

// One notification on every channel: inbox entries for the expanded recipients, an SMS line, signed
// webhooks; one department's system is down, so its webhook retries, lands in the dead-letter queue
// while the other channels are delivered, and a replay delivers it once the system is back. The local
// test server is reached only because 127.0.0.1 is on the worker's allow-list: a department whose URL
// names `localhost` (which resolves to a loopback address) is refused at delivery, at once.
describe('notification delivery', () => {
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  let db: TestDatabase;
  let dir: string;
  let server: Server;
  let delivery: Awaited<ReturnType<typeof runNotificationDelivery>>;
  const received: Received[] = [];
  let downIsDown = true;
  let port = 0;
  const ids: Record<string, string> = {};
  const deadLettersOnceAny = () =>
    eventually(async () => {
      const entries = await delivery.deadLetters.list();
      return entries.length > 0 ? entries : null;
    });

  beforeAll(async () => {
    db = await openTestDatabase(orgDatabase);
    dir = await mkdtemp(join(tmpdir(), 'gridgov-sms-'));
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        const secret = req.url === '/up' ? 'up-secret' : 'down-secret';
        if (req.url === '/down' && downIsDown) {
          res.statusCode = 503;
          return res.end();
        }
        received.push({
          path: req.url as string,
          valid: verifyWebhookSignature(
            secret,
            {
              signature: req.headers[SIGNATURE_HEADER] as string,
              timestamp: req.headers[TIMESTAMP_HEADER] as string,
            },
            raw,
          ),
          body: JSON.parse(raw),
        });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    const base = `http://127.0.0.1:${port}`;

    const accounts = db.dataSource.getRepository(AccountEntity);
    for (const [key, disabled] of [
      ['direct', false],
      ['handler', false],
      ['leader', false],
      ['otherLeader', false],
      ['disabledLeader', true],
    ] as const)
      ids[key] = (await accounts.save(accounts.create({ username: key, displayName: key, disabled }))).id;
    const departments = db.dataSource.getRepository(DepartmentEntity);
    for (const name of ['up', 'down', 'internal'])
      ids[name] = (
        await departments.save(
          departments.create({ unitCode: '520303000000', name, kind: DepartmentKind.OTHER }),
        )
      ).id;
    await db.dataSource.getRepository(RoleGrantEntity).save([
      { accountId: ids['handler'], role: Role.DEPARTMENT_HANDLER, scopeCode: null, departmentId: ids['up'] },
      { accountId: ids['leader'], role: Role.LEADER, scopeCode: '520303' },
      { accountId: ids['otherLeader'], role: Role.LEADER, scopeCode: '520304' },
      { accountId: ids['disabledLeader'], role: Role.LEADER, scopeCode: '' },
      { accountId: ids['direct'], role: Role.GRID_WORKER, scopeCode: '520303001001001' },
    ]);
    await db.dataSource.getRepository(NotificationContactEntity).save([
      { accountId: ids['direct'], phone: '13900000001' },
      { accountId: ids['leader'], phone: '13900000002', smsEnabled: false },
    ]);
    await db.dataSource.getRepository(DepartmentWebhookEntity).save([
      { departmentId: ids['up'], url: `${base}/up`, secret: 'up-secret' },
      { departmentId: ids['down'], url: `${base}/down`, secret: 'down-secret' },
      // Written directly, as a row registered before the guard or a host whose DNS answer changed.
      { departmentId: ids['internal'], url: `http://localhost:${port}/internal`, secret: 'internal-secret' },
    ]);
    delivery = await runNotificationDelivery({
      dataSource: db.dataSource,
      redisUrl: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      prefix,
      sms: new FileSmsSink(join(dir, 'sms.log')),
      retry: { attempts: 3, backoffMs: 50 },
      webhookTargets: webhookTargetPolicy({
        NODE_ENV: 'test',
        WEBHOOK_ALLOW_PRIVATE_HOSTS: false,
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      }),
    });
  });

  afterAll(async () => {
    await delivery?.notifications.obliterate({ force: true });
    await delivery?.deadLetters.queue.obliterate({ force: true });
    await delivery?.close();
    server?.close();
    await rm(dir, { recursive: true, force: true });
    await db?.close();
  });

  it('delivers each channel on its own; the failed webhook waits in the dead-letter queue until replayed', async () => {
    await enqueueNotification(delivery.notifications, {
      notificationId: 'n-1',
      template: 'TICKET_COLOR_RED',
      recipients: {
        accountIds: [ids['direct']],
        departmentIds: [ids['up'], ids['down']],
        leadersOfUnitCode: '520303001001',
      },
      params: { ticketNumber: 'T-7', status: 'HANDLING' },
      link: 'ticket:7',
      channels: [NotificationChannel.INBOX, NotificationChannel.SMS, NotificationChannel.WEBHOOK],
    });

    const dead = await deadLettersOnceAny();
    expect(dead).toEqual([
      expect.objectContaining({
        queue: 'notifications',
        name: 'deliver-webhook',
        attemptsMade: 3,
        failedReason: expect.stringMatching(/answered 503$/),
      }),
    ]);

    // Meanwhile: the inbox of exactly the expanded recipients, one SMS to the one enabled phone, the working webhook.
    const inbox = await db.dataSource.getRepository(NotificationEntity).find();
    expect(inbox.map((n) => n.accountId).sort()).toEqual(
      [ids['direct'], ids['handler'], ids['leader']].sort(),
    );
    expect(new Set(inbox.map((n) => `${n.kind} ${n.title} ${n.link}`))).toEqual(
      new Set(['TICKET_COLOR_RED 工单红灯督办：T-7 ticket:7']),
    );
    const sms = (await readFile(join(dir, 'sms.log'), 'utf8')).trim().split('\n');
    expect(sms).toHaveLength(1);
    expect(sms[0].split('\t').slice(1, 3)).toEqual([`n-1.${ids['direct']}`, '13900000001']);
    expect(received).toEqual([
      {
        path: '/up',
        valid: true,
        body: expect.objectContaining({ notificationId: 'n-1', departmentId: ids['up'] }),
      },
    ]);

    downIsDown = false;
    expect(await delivery.deadLetters.replay(dead[0].id)).toBe(true);
    await eventually(async () => (received.length === 2 ? true : null));
    expect(received[1]).toEqual({
      path: '/down',
      valid: true,
      body: expect.objectContaining({ notificationId: 'n-1', departmentId: ids['down'] }),
    });
    expect(await delivery.deadLetters.list()).toEqual([]);
  });

  it('refuses a webhook whose host resolves to a loopback address: no retry, a clear dead letter, no call', async () => {
    await enqueueNotification(delivery.notifications, {
      notificationId: 'n-2',
      template: 'TICKET_COLOR_RED',
      recipients: { departmentIds: [ids['internal']] },
      params: { ticketNumber: 'T-8' },
      channels: [NotificationChannel.WEBHOOK],
    });
    const dead = await deadLettersOnceAny();
    expect(dead).toEqual([
      expect.objectContaining({
        name: 'deliver-webhook',
        attemptsMade: 1,
        failedReason: expect.stringMatching(
          /^webhook target refused: localhost resolves to (127\.0\.0\.1|::1), a private, loopback, link-local or multicast address$/,
        ),
      }),
    ]);
    expect(received.map((r) => r.path)).not.toContain('/internal');
  });

  it('rejects a signature made with another secret or an old timestamp', () => {
    const body = '{"a":1}';
    const now = Date.now();
    const timestamp = String(Math.floor(now / 1000));
    expect(
      verifyWebhookSignature('s', { signature: webhookSignature('s', timestamp, body), timestamp }, body),
    ).toBe(true);
    expect(
      verifyWebhookSignature('s', { signature: webhookSignature('t', timestamp, body), timestamp }, body),
    ).toBe(false);
    const old = String(Math.floor(now / 1000) - 3600);
    expect(
      verifyWebhookSignature('s', { signature: webhookSignature('s', old, body), timestamp: old }, body),
    ).toBe(false);
  });
});
