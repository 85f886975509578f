import { Queue } from 'bullmq';
import { Role } from '@gridgov/platform-auth';
import { callerWith } from '@gridgov/platform-testing';
import { createRedisConnection, QueueName } from '@gridgov/platform-queue';
import { TicketChannel, TicketOutboxEntity, TicketService } from '@gridgov/ticket-data-access';
import { createTicketWorker, type RunningTicketWorker } from './create-ticket-worker';
import { openWorkerTestDatabase, testPrefix, waitFor, workerTestConfig } from './testing/worker-test-kit';

// An EMERGENCY report asks the outbox to notify the district's leaders; the relay enqueues that
// notification once (by its id), arms the ticket's accept timers, and marks the rows processed.
describe('the outbox relay and an EMERGENCY ticket', () => {
  const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const prefix = testPrefix();
  let db: Awaited<ReturnType<typeof openWorkerTestDatabase>>;
  let worker: RunningTicketWorker | undefined;
  const connection = createRedisConnection(redisUrl, 'producer');
  const queues = [QueueName.TICKET_OUTBOX, QueueName.TICKET_TIMERS, QueueName.NOTIFICATIONS].map(
    (name) => new Queue(name, { connection, prefix }),
  );
  const [, timers, notifications] = queues;

  beforeAll(async () => {
    db = await openWorkerTestDatabase();
  });
  afterAll(async () => {
    await worker?.stop();
    for (const q of queues) {
      await q.obliterate({ force: true });
      await q.close();
    }
    connection.disconnect();
    await db.close();
  });

  it('enqueues the leaders notification the ticket service wrote, once', async () => {
    const reporter = callerWith({ role: Role.GRID_WORKER, scopeCode: '520303001001001' });
    const ticket = await new TicketService(db.dataSource, reporter).report({
      gridCode: '520303001001001',
      categoryCode: 'SAFETY_PRODUCTION.GAS',
      mode: null,
      channel: TicketChannel.GRID_WORKER,
      title: '燃气泄漏',
      description: '2号楼一单元',
      photos: [],
    });
    worker = await createTicketWorker(workerTestConfig(db.schema, redisUrl, prefix, { RELAY_EVERY_MS: '200' }));
    const outbox = db.dataSource.getRepository(TicketOutboxEntity);
    await waitFor('the relay to process every row', async () =>
      (await outbox.findBy({ ticketId: ticket.id })).every((row) => row.processedAt !== null),
    );

    const sent = await notifications.getJobs(['waiting', 'delayed', 'active', 'completed']);
    expect(sent.map((job) => [job.id, job.data.template, job.data.recipients])).toEqual([
      [`ticket.${ticket.id}.EMERGENCY`, 'TICKET_EMERGENCY', { leadersOfUnitCode: '520303' }],
    ]);
    expect(JSON.stringify(sent[0].data)).not.toContain('燃气泄漏');
    const armed = await timers.getJobs(['delayed', 'waiting']);
    expect(armed.map((job) => job.data.ticketId)).toContain(ticket.id);
  });
});
