import { spawn } from 'node:child_process';
import path from 'node:path';
import { Queue } from 'bullmq';
import { createRedisConnection, QueueName } from '@gridgov/platform-queue';
import { SupervisionColor, TicketAction } from '@gridgov/ticket-data-access';
import { createTicketWorker, type RunningTicketWorker } from './create-ticket-worker';
import {
  insertRunningTickets,
  openWorkerTestDatabase,
  testPrefix,
  waitFor,
  workerTestEnv,
  workerTestConfig,
} from './testing/worker-test-kit';

const ROOT = path.resolve(__dirname, '../../..');
const TICKETS = 120;

// A worker process is killed with SIGKILL in the middle of a batch of due timers; a second worker
// picks up what the dead one held (after its locks expire). Every ticket ends RED, every colour is
// written to the timeline at most once and RED exactly once, and every applied timer was notified once.
describe('a worker killed in the middle of a batch', () => {
  const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const prefix = testPrefix();
  let db: Awaited<ReturnType<typeof openWorkerTestDatabase>>;
  let survivor: RunningTicketWorker | undefined;
  const connection = createRedisConnection(redisUrl, 'producer');
  const queues = [QueueName.TICKET_OUTBOX, QueueName.TICKET_TIMERS, QueueName.NOTIFICATIONS].map(
    (name) => new Queue(name, { connection, prefix }),
  );

  beforeAll(async () => {
    db = await openWorkerTestDatabase();
  });
  afterAll(async () => {
    await survivor?.stop();
    for (const q of queues) {
      await q.obliterate({ force: true });
      await q.close();
    }
    connection.disconnect();
    await db.close();
  });

  it('still applies every timer exactly once in effect', async () => {
    const past = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    await insertRunningTickets(db.dataSource, TICKETS, { warningAt: past(3), deadlineAt: past(2), redAt: past(1) });
    const count = async (sql: string) => Number((await db.dataSource.query(sql))[0].n);
    const colourEvents = () => count(`SELECT count(*) AS n FROM ticket_event WHERE action = '${TicketAction.SLA_COLOR}'`);

    const env = workerTestEnv(db.schema, redisUrl, prefix, { LOCK_DURATION_MS: '1000', DATABASE_POOL_SIZE: '8' });
    const doomed = spawn(process.execPath, ['tools/dev/run-ts.js', 'apps/ticket-worker/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    const died = new Promise((resolve) => doomed.once('exit', resolve));
    await waitFor('the first worker to start applying timers', async () => (await colourEvents()) >= 20, 30_000);
    doomed.kill('SIGKILL');
    await died;
    const atKill = await colourEvents();
    // The kill has to land mid-batch for this test to mean anything.
    expect(atKill).toBeLessThan(TICKETS);

    survivor = await createTicketWorker(workerTestConfig(db.schema, redisUrl, prefix, { LOCK_DURATION_MS: '1000', DATABASE_POOL_SIZE: '8' }));
    await waitFor('every ticket to turn RED', async () => (await count(`SELECT count(*) AS n FROM ticket WHERE supervision_color <> 'RED'`)) === 0, 30_000);
    await waitFor('the timers queue to drain', async () => {
      const counts = await queues[1].getJobCounts('delayed', 'waiting', 'active');
      return Object.values(counts).every((n) => n === 0);
    });

    const perColour = (await db.dataSource.query(
      `SELECT ticket_id, split_part(note, ':', 1) AS colour, count(*)::int AS n FROM ticket_event
        WHERE action = 'SLA_COLOR' GROUP BY 1, 2`,
    )) as { ticket_id: string; colour: string; n: number }[];
    expect(perColour.filter((r) => r.n > 1)).toEqual([]);
    expect(perColour.filter((r) => r.colour === SupervisionColor.RED)).toHaveLength(TICKETS);
    // The ledger has one row per applied colour, each notified, and one notification job each.
    expect(await count(`SELECT count(*) AS n FROM ticket_timer_fired`)).toBe(perColour.length);
    expect(await count(`SELECT count(*) AS n FROM ticket_timer_fired WHERE notified_at IS NULL`)).toBe(0);
    const notified = await queues[2].getJobs(['waiting', 'delayed', 'completed']);
    expect(notified).toHaveLength(perColour.length);
  });
});
