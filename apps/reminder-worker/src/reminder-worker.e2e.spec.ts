import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegister } from '@gridgov/grid-jobs';
import { createGridSubgraph } from '@gridgov/grid-graphql';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { Role, signAccessToken } from '@gridgov/platform-auth';
import { Queue } from 'bullmq';
import { eventually, QueueName } from '@gridgov/platform-queue';
import { startTestGraph, type TestGraph } from '@gridgov/platform-testing';
import { createReminderWorker, type RunningReminderWorker } from './create-reminder-worker';
import { loadReminderWorkerConfig } from './reminder-worker.config';

const schemaOf = (graph: TestGraph, name: string) => (graph.subgraphs[name].dataSource.options as { schema: string }).schema;

// Through the real gateway: community staff broadcast a notice to one grid; the reminder worker relays
// it and texts exactly that grid's residents. The operators' Bull Board and dead-letter API refuse
// callers without an operator token; /metrics reports the jobs.
describe('reminder-worker', () => {
  let graph: TestGraph;
  let worker: RunningReminderWorker;
  let dir: string;
  let base: string;
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const token = (role: Role, scopeCode: string) =>
    signAccessToken({ sub: randomUUID(), usr: role, grants: [{ role, scopeCode }] }, graph.secrets.accessTokenSecret, 600);

  beforeAll(async () => {
    graph = await startTestGraph((secrets) => [
      createOrgSubgraph({ secret: secrets.accessTokenSecret, ttlSeconds: 600 }),
      createGridSubgraph(),
    ]);
    await createRegister(graph.subgraphs['grid'].dataSource, {
      '520303001001001': [
        { name: '甲', phone: '13700000001' },
        { name: '乙', phone: '13700000002' },
      ],
      '520303001001002': [{ name: '丙', phone: '13700000003' }],
    });
    dir = await mkdtemp(join(tmpdir(), 'gridgov-reminder-worker-'));
    worker = await createReminderWorker(
      loadReminderWorkerConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        PORT: '0',
        DATABASE_URL: process.env['TEST_DATABASE_URL'],
        ORG_SCHEMA: schemaOf(graph, 'org'),
        GRID_SCHEMA: schemaOf(graph, 'grid'),
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: prefix,
        ACCESS_TOKEN_SECRET: graph.secrets.accessTokenSecret,
        SMS_SINK_FILE: join(dir, 'sms.log'),
        BROADCAST_RELAY_EVERY_MS: '200',
      }),
    );
    base = `http://127.0.0.1:${worker.port}`;
  });

  afterAll(async () => {
    await worker?.stop();
    await graph?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('schedules the periodic reminders and the pruning of old delivery receipts', async () => {
    const { hostname, port } = new URL(redisUrl);
    const reminders = new Queue(QueueName.REMINDERS, { prefix, connection: { host: hostname, port: Number(port) } });
    try {
      const schedulers = (await reminders.getJobSchedulers()).map((s) => s.key).sort();
      expect(schedulers).toEqual(
        expect.arrayContaining(['party-meeting-reminders', 'prune-notification-receipts', 'visit-digest']),
      );
    } finally {
      await reminders.close();
    }
  });

  it('texts every resident of the chosen grid after a broadcastNotice through the gateway', async () => {
    const staff = token(Role.COMMUNITY_STAFF, '520303001001');
    const created = await graph.query<{ broadcastNotice: { id: string; status: string } }>(
      `mutation($input: BroadcastNoticeInput!) { broadcastNotice(input: $input) { id status } }`,
      { input: { gridCodes: ['520303001001001'], title: '停电通知', message: '周六 9:00-17:00 检修停电' } },
      staff,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data?.broadcastNotice.id as string;
    const sent = await eventually(async () => {
      const read = await graph.query<{ broadcast: { status: string; recipients: number } }>(
        `query($id: ID!) { broadcast(id: $id) { status recipients } }`,
        { id },
        staff,
      );
      return read.data?.broadcast.status === 'SENT' ? read.data.broadcast : null;
    });
    expect(sent.recipients).toBe(2);
    const lines = (await readFile(join(dir, 'sms.log'), 'utf8')).trim().split('\n').map((l) => l.split('\t'));
    expect(lines.map((l) => [l[2], l[3]]).sort()).toEqual([
      ['13700000001', '【停电通知】周六 9:00-17:00 检修停电'],
      ['13700000002', '【停电通知】周六 9:00-17:00 检修停电'],
    ]);

    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/worker_jobs_processed_total\{[^}]*queue="reminders"[^}]*job="broadcast"[^}]*\} 1/);
    expect(metrics).toContain('worker_job_lateness_seconds_bucket');
  });

  it('serves the Bull Board and the dead letters to operators only', async () => {
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
    expect((await get('/admin/queues')).status).toBe(401);
    expect((await get('/admin/queues', { authorization: 'Bearer not-a-token' })).status).toBe(401);
    expect((await get('/admin/queues', { authorization: `Bearer ${token(Role.UNIT_ADMIN, '520303')}` })).status).toBe(403);
    // queues:operate held within one district only is not platform-wide: job data of every scope is out of reach.
    const districtAdmin = { authorization: `Bearer ${token(Role.PLATFORM_ADMIN, '520303')}` };
    expect((await get('/admin/queues', districtAdmin)).status).toBe(403);
    expect((await fetch(`${base}/admin/dead-letters/x/replay`, { method: 'POST', headers: districtAdmin })).status).toBe(403);

    const admin = token(Role.PLATFORM_ADMIN, '');
    const page = await get('/admin/queues', { authorization: `Bearer ${admin}` });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const session = await fetch(`${base}/admin/session`, { method: 'POST', headers: { authorization: `Bearer ${admin}` } });
    const cookie = (session.headers.get('set-cookie') as string).split(';')[0];
    const api = await get('/admin/queues/api/queues', { cookie });
    expect(api.status).toBe(200);
    const names = ((await api.json()) as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
    expect(names).toEqual(Object.values(QueueName).sort());
    expect(await (await get('/admin/dead-letters', { cookie })).json()).toEqual([]);
    expect((await fetch(`${base}/admin/dead-letters/x/replay`, { method: 'POST' })).status).toBe(401);
  });
});
