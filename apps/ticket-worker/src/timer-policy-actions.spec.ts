import { Queue } from 'bullmq';
import { createRedisConnection, QueueName } from '@gridgov/platform-queue';
import {
  SupervisionColor,
  SYSTEM_ACCOUNT_ID,
  TicketAction,
  TicketEntity,
  TicketEventEntity,
  TicketStatus,
  timerJobId,
  TimerThreshold,
} from '@gridgov/ticket-data-access';
import { createTicketWorker, type RunningTicketWorker } from './create-ticket-worker';
import { insertRunningTicket, openWorkerTestDatabase, testPrefix, waitFor, workerTestConfig } from './testing/worker-test-kit';

const DAY = 86_400_000;

// What a policy makes the worker do besides colours: escalate on RED, remind the reporter to rate,
// close an unrated ticket; and a clock shifted after its timer was armed (a resume) fires at the new instant.
describe('timers acting as the policy says', () => {
  const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const prefix = testPrefix();
  let db: Awaited<ReturnType<typeof openWorkerTestDatabase>>;
  let worker: RunningTicketWorker;
  const connection = createRedisConnection(redisUrl, 'producer');
  const [outbox, timers, notifications] = [QueueName.TICKET_OUTBOX, QueueName.TICKET_TIMERS, QueueName.NOTIFICATIONS].map(
    (name) => new Queue(name, { connection, prefix }),
  );
  const reread = (id: string) => db.dataSource.getRepository(TicketEntity).findOneByOrFail({ id });
  const timeline = (id: string) => db.dataSource.getRepository(TicketEventEntity).find({ where: { ticketId: id }, order: { id: 'ASC' } });

  beforeAll(async () => {
    db = await openWorkerTestDatabase();
    // Escalation is asked for one category only.
    await db.dataSource.query(
      `INSERT INTO sla_policy (category_prefix, mode, unit_level, accept_amount, accept_unit, resolve_amount, resolve_unit,
                               verify_amount, verify_unit, escalate_on_red)
       VALUES ('CITY_MANAGEMENT.MANHOLE', 'COORDINATED', 'COMMUNITY', 1, 'HOURS', 1, 'HOURS', 1, 'HOURS', true)`,
    );
    worker = await createTicketWorker(workerTestConfig(db.schema, redisUrl, prefix, { RELAY_EVERY_MS: '200' }));
  });
  afterAll(async () => {
    await worker?.stop();
    for (const q of [outbox, timers, notifications]) {
      await q.obliterate({ force: true });
      await q.close();
    }
    connection.disconnect();
    await db.close();
  });

  it('escalates a RED ticket when its policy asks, and arms the new unit’s clock', async () => {
    const past = (m: number) => new Date(Date.now() - m * 60_000);
    const clock = { warningAt: past(30), deadlineAt: past(20), redAt: past(10) };
    const asked = await insertRunningTicket(db.dataSource, clock, { categoryCode: 'CITY_MANAGEMENT.MANHOLE' });
    const notAsked = await insertRunningTicket(db.dataSource, clock);
    await outbox.add('timer-sweep', {}, { jobId: `sweep-${asked.id}` });
    await waitFor('the other ticket to turn RED', async () => (await reread(notAsked.id)).supervisionColor === SupervisionColor.RED);
    await waitFor('the escalation', async () => (await reread(asked.id)).status === TicketStatus.ESCALATED);
    const escalated = await reread(asked.id);
    expect(escalated).toMatchObject({ handlingUnitCode: '520303001', clockStage: 'ACCEPT', slaVersion: 2 });
    // RED first, then the escalation, both by the worker; the new clock starts GREEN.
    const entries = (await timeline(asked.id)).filter((e) => e.actorId === SYSTEM_ACCOUNT_ID);
    expect(entries.at(-2)).toMatchObject({ action: TicketAction.SLA_COLOR, note: expect.stringMatching(/^RED:/) });
    expect(entries.at(-1)).toMatchObject({ action: TicketAction.ESCALATE, fromStatus: 'REPORTED', toStatus: 'ESCALATED' });
    // The relay armed the street's new accept clock (version 2).
    await waitFor('the new clock’s timers', async () =>
      !!(await timers.getJob(timerJobId(asked.id, 'ACCEPT', TimerThreshold.RED, 2))),
    );
    expect((await reread(notAsked.id)).status).toBe(TicketStatus.REPORTED);
  });

  it('reminds the reporter to rate, then closes the unrated ticket', async () => {
    const verified = await insertRunningTicket(
      db.dataSource,
      { warningAt: new Date(), deadlineAt: new Date(), redAt: new Date() },
      { status: TicketStatus.VERIFIED, clockStage: null },
    );
    const verifyStep = await db.dataSource.getRepository(TicketEventEntity).insert({
      ticketId: verified.id,
      actorId: verified.reporterId,
      at: new Date(Date.now() - 4 * DAY),
      action: TicketAction.VERIFY,
      fromStatus: TicketStatus.RESOLVED,
      toStatus: TicketStatus.VERIFIED,
    });
    await outbox.add('timer-sweep', {}, { jobId: `sweep-${verified.id}` });
    const reminderId = timerJobId(verified.id, 'RATING', TimerThreshold.RATING_REMINDER, 1);
    await waitFor('the rating reminder', async () => !!(await notifications.getJob(reminderId)));
    expect((await notifications.getJob(reminderId))!.data).toMatchObject({
      template: 'TICKET_RATING_REMINDER',
      recipients: { accountIds: [verified.reporterId] },
    });
    expect((await reread(verified.id)).status).toBe(TicketStatus.VERIFIED);

    // Verified 8 days ago: past the 7 days of the default policy. The close timer, due, runs now.
    await db.dataSource.getRepository(TicketEventEntity).update(verifyStep.identifiers[0]['id'] as string, {
      at: new Date(Date.now() - 8 * DAY),
    });
    await (await timers.getJob(timerJobId(verified.id, 'RATING', TimerThreshold.AUTO_CLOSE, 1)))!.promote();
    await waitFor('the auto-close', async () => (await reread(verified.id)).status === TicketStatus.CLOSED);
    expect((await timeline(verified.id)).at(-1)).toMatchObject({
      action: TicketAction.CLOSE,
      actorId: SYSTEM_ACCOUNT_ID,
      note: 'Closed automatically: not rated within 7 days',
    });
  });

  it('fires a timer whose clock was shifted (resumed) at the new instant, not the old one', async () => {
    const soon = (ms: number) => new Date(Date.now() + ms);
    const ticket = await insertRunningTicket(db.dataSource, { warningAt: soon(1500), deadlineAt: soon(3_600_000), redAt: soon(7_200_000) });
    await outbox.add('timer-sweep', {}, { jobId: `sweep-${ticket.id}` });
    const yellow = timerJobId(ticket.id, 'ACCEPT', TimerThreshold.YELLOW, 1);
    await waitFor('the YELLOW timer', async () => !!(await timers.getJob(yellow)));
    // As a resume does: the instants move later while the armed job keeps its old delay.
    const shifted = soon(4000);
    await db.dataSource.getRepository(TicketEntity).update(ticket.id, { warningAt: shifted });
    await waitFor('YELLOW', async () => (await reread(ticket.id)).supervisionColor === SupervisionColor.YELLOW);
    const [entry] = (await timeline(ticket.id)).filter((e) => e.action === TicketAction.SLA_COLOR);
    expect(entry.at.getTime()).toBeGreaterThanOrEqual(shifted.getTime());
  });
});
