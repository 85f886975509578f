import type { DataSource } from 'typeorm';
import { Role } from '@gridgov/platform-auth';
import { authAs, openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketAction, TicketMode } from '../ticket/ticket.enums';
import { TicketTimerService } from '../timers/ticket-timer.service';
import { timerJobId, TimerThreshold } from '../timers/ticket-timer';
import type { TimerChanges } from '../timers';
import { TicketWorkflowService } from '../workflow/ticket-workflow.service';
import { SlaUnit } from './sla-policy';
import { SlaPolicyService } from './sla-policy.service';
import { reloadTicket, reportSpecTicket } from './sla-spec.fixture';
import { loadWorkingCalendar } from './ticket-clock';
import { WorkingCalendarService } from './working-calendar.service';

const CHINA = 8 * 3_600_000;
const chinaDay = (at: Date) => new Date(at.getTime() + CHINA).toISOString().slice(0, 10);

// A holiday declared (or cleared) while clocks run moves the deadlines of the working-day clocks
// whose window spans it, in the edit's transaction, with a new SLA version the relay re-arms.
describe('calendar edits re-time the clocks spanning the day (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  let dataSource: DataSource;
  const staff = authAs(Role.COMMUNITY_STAFF, '520303001001');
  beforeAll(async () => {
    db = await openTicketTestDatabase();
    dataSource = db.dataSource;
    const policies = new SlaPolicyService(dataSource, authAs(Role.PLATFORM_ADMIN, ''));
    const policy = (categoryPrefix: string, accept: { amount: number; unit: SlaUnit }) =>
      policies.create({
        categoryPrefix,
        mode: TicketMode.COORDINATED,
        unitLevel: 'COMMUNITY',
        accept,
        resolve: { amount: 5, unit: SlaUnit.WORKING_DAYS },
        verify: { amount: 1, unit: SlaUnit.WORKING_DAYS },
      });
    await policy('CITY_MANAGEMENT.ROAD', { amount: 5, unit: SlaUnit.WORKING_DAYS });
    await policy('DISPUTE', { amount: 1, unit: SlaUnit.WORKING_DAYS });
    // Around the clock and long enough to span the holiday: the calendar never counted for it.
    await policy('ENVIRONMENTAL_PROTECTION', { amount: 200, unit: SlaUnit.HOURS });
  });
  afterAll(() => db?.close());

  const report = (categoryCode: string) => reportSpecTicket(dataSource, staff, categoryCode);
  const reload = (id: string) => reloadTicket(dataSource, id);
  const relay = async () => {
    const changes: TimerChanges[] = [];
    await new TicketTimerService(dataSource).relayOutbox(1000, async (c) => void changes.push(c));
    return { remove: changes.flatMap((c) => c.remove), add: changes.flatMap((c) => c.add) };
  };

  it('moves a spanning deadline one working day later, leaves the others, and clearing moves it back', async () => {
    const road = await report('CITY_MANAGEMENT.ROAD');
    const dispute = await report('DISPUTE.FAMILY');
    const noise = await report('ENVIRONMENTAL_PROTECTION.NOISE');
    // A paused clock moves too: its instants exclude the current pause until it resumes.
    const workflow = new TicketWorkflowService(dataSource, staff);
    const held = await report('CITY_MANAGEMENT.ROAD');
    await workflow.apply(held.id, TicketAction.ACCEPT, {});
    await workflow.apply(held.id, TicketAction.DISPATCH, { assigneeAccountId: staff.accountId });
    const paused = await workflow.apply(held.id, TicketAction.SUSPEND, {
      reason: '等待配件',
      approverAccountId: staff.accountId,
    });
    expect(paused.pausedAt).not.toBeNull();
    await relay();

    // The third working day from now, a weekday (a holiday can only be declared on one): after the
    // 1-day dispute deadline, before the 5-day road deadlines.
    const before = await loadWorkingCalendar(dataSource.manager, new Date());
    let holiday = '';
    for (let k = 3; !holiday; k++) {
      const at = before.addWorkingDays(new Date(), k);
      const weekday = new Date(at.getTime() + CHINA).getUTCDay();
      if (weekday !== 0 && weekday !== 6) holiday = chinaDay(at);
    }
    expect(chinaDay(dispute.deadlineAt!) < holiday && holiday < chinaDay(road.deadlineAt!)).toBe(true);

    const calendar = new WorkingCalendarService(dataSource, authAs(Role.PLATFORM_ADMIN, ''));
    const set = await calendar.setDay({ day: holiday, working: false, name: '临时假日' });
    expect(set).toEqual({ day: holiday, working: false, name: '临时假日', retimedTickets: 2 });

    const later = (d: Date) => before.addWorkingDays(d, 1);
    const moved = await reload(road.id);
    expect(moved).toMatchObject({ deadlineAt: later(road.deadlineAt!), slaVersion: road.slaVersion + 1 });
    expect(moved.warningAt!.getTime()).toBeGreaterThan(road.warningAt!.getTime());
    expect(moved.redAt!.getTime() - moved.deadlineAt!.getTime()).toBe(
      road.redAt!.getTime() - road.deadlineAt!.getTime(),
    );
    const movedPaused = await reload(held.id);
    expect(movedPaused).toMatchObject({
      deadlineAt: later(paused.deadlineAt!),
      pausedAt: paused.pausedAt,
      slaVersion: paused.slaVersion + 1,
    });
    for (const untouched of [dispute, noise])
      expect(await reload(untouched.id)).toMatchObject({
        deadlineAt: untouched.deadlineAt,
        slaVersion: untouched.slaVersion,
      });

    // The relay drops the old version's timers and arms the new version at the new instants; the
    // paused clock gets none until it resumes.
    const timers = await relay();
    expect(timers.remove).toContain(timerJobId(road.id, 'ACCEPT', TimerThreshold.ORANGE, road.slaVersion));
    expect(timers.add.filter((t) => t.ticketId !== road.id)).toEqual([]);
    expect(timers.add.find((t) => t.threshold === TimerThreshold.ORANGE)).toMatchObject({
      jobId: timerJobId(road.id, 'ACCEPT', TimerThreshold.ORANGE, moved.slaVersion),
      dueAt: moved.deadlineAt,
    });

    expect(await calendar.clearDay(holiday)).toMatchObject({ day: holiday, retimedTickets: 2 });
    expect(await reload(road.id)).toMatchObject({
      warningAt: road.warningAt,
      deadlineAt: road.deadlineAt,
      redAt: road.redAt,
      slaVersion: road.slaVersion + 2,
    });
    expect((await reload(held.id)).deadlineAt).toEqual(paused.deadlineAt);
  });

  it('moves a spanning deadline earlier when a weekend day in its window becomes a make-up working day', async () => {
    const road = await report('CITY_MANAGEMENT.ROAD');
    let saturday = road.clockStartedAt!;
    do saturday = new Date(saturday.getTime() + 86_400_000);
    while (new Date(saturday.getTime() + CHINA).getUTCDay() !== 6);
    const day = chinaDay(saturday);
    // Five working days always span a weekend; skip the (rare) case of an exception already there.
    const calendar = new WorkingCalendarService(dataSource, authAs(Role.PLATFORM_ADMIN, ''));
    if ((await calendar.year(Number(day.slice(0, 4)))).some((d) => d.day === day)) return;

    const set = await calendar.setDay({ day, working: true, name: '调休' });
    expect(set.retimedTickets).toBeGreaterThanOrEqual(1);
    const moved = await reload(road.id);
    const after = await loadWorkingCalendar(dataSource.manager, road.clockStartedAt!);
    expect(moved.deadlineAt!.getTime()).toBeLessThan(road.deadlineAt!.getTime());
    expect(moved.deadlineAt).toEqual(after.addWorkingDays(road.clockStartedAt!, 5));

    await calendar.clearDay(day);
    expect((await reload(road.id)).deadlineAt).toEqual(road.deadlineAt);
  });
});
