import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { AuthContext, Role } from '@gridgov/platform-auth';
import { createRedisConnection, QueueName } from '@gridgov/platform-queue';
import {
  SupervisionColor,
  TicketChannel,
  TicketEntity,
  TicketMode,
  TicketService,
  timerJobId,
  TimerThreshold,
  WorkingCalendarService,
} from '@gridgov/ticket-data-access';
import { timerJob } from '@gridgov/ticket-jobs';
import { createTicketWorker, type RunningTicketWorker } from './create-ticket-worker';
import { openWorkerTestDatabase, testPrefix, waitFor, workerTestConfig } from './testing/worker-test-kit';

const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;
const chinaDay = (t: number) => new Date(t + CHINA).toISOString().slice(0, 10);
const as = (role: Role, scopeCode: string) =>
  new AuthContext({ accountId: randomUUID(), username: role, grants: [{ role, scopeCode }] });

// A holiday declared while a working-day clock runs: the relay swaps the ticket's timers in Redis
// for the new SLA version at the new instants, and an old-version timer that still fires does nothing.
describe('timers follow a calendar edit', () => {
  const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const prefix = testPrefix();
  let db: Awaited<ReturnType<typeof openWorkerTestDatabase>>;
  let worker: RunningTicketWorker;
  const connection = createRedisConnection(redisUrl, 'producer');
  const timers = new Queue(QueueName.TICKET_TIMERS, { connection, prefix });

  beforeAll(async () => {
    db = await openWorkerTestDatabase();
    await db.dataSource.query(
      `INSERT INTO sla_policy (category_prefix, mode, unit_level, accept_amount, accept_unit, resolve_amount, resolve_unit,
                               verify_amount, verify_unit)
       VALUES ('CITY_MANAGEMENT.ROAD', 'COORDINATED', 'COMMUNITY', 5, 'WORKING_DAYS', 5, 'WORKING_DAYS', 1, 'WORKING_DAYS')`,
    );
    worker = await createTicketWorker(
      workerTestConfig(db.schema, redisUrl, prefix, { RELAY_EVERY_MS: '200' }),
    );
  });
  afterAll(async () => {
    await worker?.stop();
    for (const name of [QueueName.TICKET_OUTBOX, QueueName.TICKET_TIMERS, QueueName.NOTIFICATIONS]) {
      const queue = new Queue(name, { connection, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
    await timers.close();
    connection.disconnect();
    await db.close();
  });

  it('re-arms the moved deadline and leaves the old version’s timer inert', async () => {
    const ticket = await new TicketService(db.dataSource, as(Role.COMMUNITY_STAFF, '520303001001')).report({
      gridCode: '520303001001001',
      categoryCode: 'CITY_MANAGEMENT.ROAD',
      mode: TicketMode.COORDINATED,
      channel: TicketChannel.WINDOW,
      title: '路面塌陷',
    });
    const orange = (version: number) => timerJobId(ticket.id, 'ACCEPT', TimerThreshold.ORANGE, version);
    await waitFor('the first ORANGE timer', async () => !!(await timers.getJob(orange(ticket.slaVersion))));

    // The last ordinary weekday before the deadline's day lies inside the clock's window.
    const exceptions = new Map(
      (
        (await db.dataSource.query(
          `SELECT to_char(day, 'YYYY-MM-DD') AS day, working FROM working_calendar`,
        )) as {
          day: string;
          working: boolean;
        }[]
      ).map((d) => [d.day, d.working]),
    );
    const weekday = (t: number) => ![0, 6].includes(new Date(t + CHINA).getUTCDay());
    let holiday = ticket.deadlineAt!.getTime() - DAY;
    while (!(weekday(holiday) && (exceptions.get(chinaDay(holiday)) ?? true))) holiday -= DAY;
    const change = await new WorkingCalendarService(db.dataSource, as(Role.PLATFORM_ADMIN, '')).setDay({
      day: chinaDay(holiday),
      working: false,
    });
    expect(change.retimedTickets).toBe(1);
    const moved = await db.dataSource.getRepository(TicketEntity).findOneByOrFail({ id: ticket.id });
    expect(moved.deadlineAt!.getTime()).toBeGreaterThan(ticket.deadlineAt!.getTime());

    await waitFor('the new ORANGE timer', async () => !!(await timers.getJob(orange(moved.slaVersion))));
    const armed = (await timers.getJob(orange(moved.slaVersion)))!;
    expect(armed.timestamp + armed.opts.delay!).toBe(moved.deadlineAt!.getTime());
    expect(await timers.getJob(orange(ticket.slaVersion))).toBeUndefined();

    // An old-version timer that escaped removal (it was running) fires now, at the old clock's
    // expense: the worker finds another SLA version and leaves the ticket GREEN.
    const stale = timerJob({
      jobId: orange(ticket.slaVersion),
      ticketId: ticket.id,
      stage: 'ACCEPT',
      threshold: TimerThreshold.ORANGE,
      slaVersion: ticket.slaVersion,
      dueAt: new Date(),
    });
    await timers.add(stale.name, stale.data, stale.opts);
    await waitFor('the stale timer to run', async () => !(await timers.getJob(stale.opts.jobId)));
    expect(await db.dataSource.getRepository(TicketEntity).findOneByOrFail({ id: ticket.id })).toMatchObject({
      supervisionColor: SupervisionColor.GREEN,
      slaVersion: moved.slaVersion,
    });
    expect(
      await db.dataSource.query(`SELECT 1 FROM ticket_timer_fired WHERE ticket_id = $1`, [ticket.id]),
    ).toEqual([]);
  });
});
