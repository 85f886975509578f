import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createRedisConnection, QueueName } from '@gridgov/platform-queue';
import {
  SupervisionColor,
  TicketAction,
  TicketEventEntity,
  timerJobId,
  TimerThreshold,
  TicketStatus,
} from '@gridgov/ticket-data-access';
import { createTicketWorker, type RunningTicketWorker } from './create-ticket-worker';
import {
  insertRunningTicket,
  openWorkerTestDatabase,
  redisServerAvailable,
  startPrivateRedis,
  testPrefix,
  waitFor,
  workerTestConfig,
} from './testing/worker-test-kit';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// FLUSHALL on a private redis-server: the worker notices its schedules are gone, sweeps, and every
// pending timer is back with its id and its instant (PostgreSQL is the truth).
(redisServerAvailable() ? describe : describe.skip)('reconciliation sweep after FLUSHALL', () => {
  let db: Awaited<ReturnType<typeof openWorkerTestDatabase>>;
  let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
  let worker: RunningTicketWorker | undefined;
  let admin: Redis;
  let timers: Queue;
  const prefix = testPrefix();

  beforeAll(async () => {
    db = await openWorkerTestDatabase();
    redis = await startPrivateRedis();
    admin = createRedisConnection(redis.url, 'producer');
    timers = new Queue(QueueName.TICKET_TIMERS, { connection: admin, prefix });
  });
  afterAll(async () => {
    await worker?.stop();
    await timers?.close();
    admin?.disconnect();
    await redis?.stop();
    await db?.close();
  });

  it('restores every pending timer', async () => {
    const expected = new Map<string, number>();
    const now = Date.now();
    const clock = (h: number) => ({
      warningAt: new Date(now + h * HOUR),
      deadlineAt: new Date(now + (h + 1) * HOUR),
      redAt: new Date(now + (h + 2) * HOUR),
    });
    for (let i = 1; i <= 5; i++) {
      const t = await insertRunningTicket(db.dataSource, clock(i), { clockStage: 'RESOLVE', status: TicketStatus.ASSIGNED, slaVersion: 2 });
      expected.set(timerJobId(t.id, 'RESOLVE', TimerThreshold.YELLOW, 2), t.warningAt!.getTime());
      expected.set(timerJobId(t.id, 'RESOLVE', TimerThreshold.ORANGE, 2), t.deadlineAt!.getTime());
      expected.set(timerJobId(t.id, 'RESOLVE', TimerThreshold.RED, 2), t.redAt!.getTime());
    }
    const yellow = await insertRunningTicket(db.dataSource, clock(-0.5), { supervisionColor: SupervisionColor.YELLOW });
    expected.set(timerJobId(yellow.id, 'ACCEPT', TimerThreshold.ORANGE, 1), yellow.deadlineAt!.getTime());
    expected.set(timerJobId(yellow.id, 'ACCEPT', TimerThreshold.RED, 1), yellow.redAt!.getTime());
    // Paused and closed tickets have no timers.
    await insertRunningTicket(db.dataSource, clock(1), { status: TicketStatus.SUSPENDED, pausedAt: new Date() });
    await insertRunningTicket(db.dataSource, clock(1), { status: TicketStatus.CLOSED, clockStage: null });
    // Verified, not rated: the rating reminder (3 days) and the auto-close (7 days) of the default policy.
    const verified = await insertRunningTicket(db.dataSource, clock(1), { status: TicketStatus.VERIFIED, clockStage: null });
    const verifiedAt = new Date(now - DAY);
    await db.dataSource.getRepository(TicketEventEntity).insert({
      ticketId: verified.id,
      actorId: verified.reporterId,
      at: verifiedAt,
      action: TicketAction.VERIFY,
      fromStatus: TicketStatus.RESOLVED,
      toStatus: TicketStatus.VERIFIED,
    });
    expected.set(timerJobId(verified.id, 'RATING', TimerThreshold.RATING_REMINDER, 1), verifiedAt.getTime() + 3 * DAY);
    expected.set(timerJobId(verified.id, 'RATING', TimerThreshold.AUTO_CLOSE, 1), verifiedAt.getTime() + 7 * DAY);

    // Only the outbox queue: the timers stay pending for the comparison.
    worker = await createTicketWorker(
      workerTestConfig(db.schema, redis.url, prefix, { QUEUES: 'ticket-outbox', SCHEDULE_CHECK_MS: '200' }),
    );
    const pending = async () => {
      const jobs = await timers.getJobs(['delayed', 'waiting']);
      return new Map(jobs.map((j) => [j.id!, j.timestamp + j.delay]));
    };
    const matches = async () => {
      const actual = await pending();
      return actual.size === expected.size && [...expected].every(([id, due]) => Math.abs((actual.get(id) ?? 0) - due) < 1000);
    };
    await waitFor('the start sweep to arm every timer', matches);

    await admin.flushall();
    expect((await pending()).size).toBe(0);
    await waitFor('the sweep to restore every timer after FLUSHALL', matches);
    expect([...(await pending()).keys()].sort()).toEqual([...expected.keys()].sort());
  });
});
