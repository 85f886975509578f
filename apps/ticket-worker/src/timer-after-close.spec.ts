import { Queue } from 'bullmq';
import { Role } from '@gridgov/platform-auth';
import { callerWith } from '@gridgov/platform-testing';
import { createRedisConnection, QueueName } from '@gridgov/platform-queue';
import { SupervisionColor, TicketAction, TicketEntity, TicketEventEntity, TicketWorkflowService } from '@gridgov/ticket-data-access';
import { createTicketWorker, type RunningTicketWorker } from './create-ticket-worker';
import { insertRunningTicket, openWorkerTestDatabase, testPrefix, waitFor, workerTestConfig } from './testing/worker-test-kit';

// A ticket rejected just before its timers fire (the relay has not yet removed them): the timers run
// and do nothing. A twin left open turns YELLOW, ORANGE, RED, with a timeline entry and a notification each.
describe('a timer firing after its ticket was closed', () => {
  const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const prefix = testPrefix();
  let db: Awaited<ReturnType<typeof openWorkerTestDatabase>>;
  let worker: RunningTicketWorker | undefined;
  const connection = createRedisConnection(redisUrl, 'producer');
  const timers = new Queue(QueueName.TICKET_TIMERS, { connection, prefix });
  const notifications = new Queue(QueueName.NOTIFICATIONS, { connection, prefix });

  beforeAll(async () => {
    db = await openWorkerTestDatabase();
  });
  afterAll(async () => {
    await worker?.stop();
    for (const q of [timers, notifications, new Queue(QueueName.TICKET_OUTBOX, { connection, prefix })]) {
      await q.obliterate({ force: true });
      await q.close();
    }
    connection.disconnect();
    await db.close();
  });

  it('does nothing for the closed ticket and moves the open one', async () => {
    const soon = (ms: number) => new Date(Date.now() + ms);
    const clock = { warningAt: soon(2500), deadlineAt: soon(3000), redAt: soon(3500) };
    const closed = await insertRunningTicket(db.dataSource, clock);
    const open = await insertRunningTicket(db.dataSource, clock);
    // The relay runs rarely here, so the stop row of the rejection stays unrelayed: only the timer's own check protects.
    worker = await createTicketWorker(workerTestConfig(db.schema, redisUrl, prefix, { RELAY_EVERY_MS: '600000' }));
    await waitFor('the start sweep to arm both tickets', async () => (await timers.getDelayedCount()) === 6);

    const staff = callerWith({ role: Role.COMMUNITY_STAFF, scopeCode: '520303001001' });
    await new TicketWorkflowService(db.dataSource, staff).apply(closed.id, TicketAction.REJECT, { reason: '不属于受理范围' });
    await waitFor('every timer to run', async () => {
      const counts = await timers.getJobCounts('delayed', 'waiting', 'active', 'failed');
      return Object.values(counts).every((n) => n === 0);
    });

    const events = (id: string) =>
      db.dataSource.getRepository(TicketEventEntity).findBy({ ticketId: id, action: TicketAction.SLA_COLOR });
    const reread = (id: string) => db.dataSource.getRepository(TicketEntity).findOneByOrFail({ id });
    expect((await reread(closed.id)).supervisionColor).toBe(SupervisionColor.GREEN);
    expect(await events(closed.id)).toEqual([]);
    expect((await reread(open.id)).supervisionColor).toBe(SupervisionColor.RED);
    expect((await events(open.id)).map((e) => e.note?.split(':')[0]).sort()).toEqual(['ORANGE', 'RED', 'YELLOW']);

    const sent = await notifications.getJobs(['waiting', 'delayed', 'completed']);
    expect(sent.map((j) => j.data.link)).not.toContain(`ticket:${closed.id}`);
    expect(sent.map((j) => j.data.template).sort()).toEqual(['TICKET_COLOR_ORANGE', 'TICKET_COLOR_RED', 'TICKET_COLOR_YELLOW']);
    expect(sent.find((j) => j.data.template === 'TICKET_COLOR_RED')?.data.recipients).toEqual({ leadersOfUnitCode: '520303001001' });

    // Operators see it on /metrics: the six timers processed, their lateness, the queue depth.
    const metrics = await (await fetch(`http://127.0.0.1:${worker.port}/metrics`)).text();
    expect(metrics).toMatch(/worker_jobs_processed_total\{queue="ticket-timers",job="color-timer",service="ticket-worker"\} 6/);
    expect(metrics).toMatch(/worker_job_lateness_seconds_count\{[^}]*queue="ticket-timers",job="color-timer"\} 6/);
    expect(metrics).toContain('worker_jobs_delayed{queue="ticket-timers",service="ticket-worker"} 0');
    expect((await fetch(`http://127.0.0.1:${worker.port}/readyz`)).status).toBe(200);
  });
});
