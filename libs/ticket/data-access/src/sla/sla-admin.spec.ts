import type { DataSource } from 'typeorm';
import { Role } from '@gridgov/platform-auth';
import { authAs, openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketAction, TicketMode } from '../ticket/ticket.enums';
import { TicketOutboxEntity } from '../workflow/ticket-outbox.entity';
import { TicketWorkflowService } from '../workflow/ticket-workflow.service';
import { SlaUnit } from './sla-policy';
import { SlaPolicyService } from './sla-policy.service';
import { reloadTicket, reportSpecTicket, ROADS_POLICY } from './sla-spec.fixture';
import { loadWorkingCalendar } from './ticket-clock';
import { WorkingCalendarService } from './working-calendar.service';

const MINUTE = 60_000;

// SLA policy and calendar administration: validated, platform-wide, and a policy change re-times the
// running clocks it governs (new SLA version, outbox row) keeping the time they were paused.
describe('SLA policy and calendar administration (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  let dataSource: DataSource;
  let policies: SlaPolicyService;
  const staff = authAs(Role.COMMUNITY_STAFF, '520303001001');
  beforeAll(async () => {
    db = await openTicketTestDatabase();
    dataSource = db.dataSource;
    policies = new SlaPolicyService(dataSource, authAs(Role.PLATFORM_ADMIN, ''));
  });
  afterAll(() => db?.close());

  const report = (categoryCode: string) => reportSpecTicket(dataSource, staff, categoryCode);
  const reload = (id: string) => reloadTicket(dataSource, id);
  const roads = ROADS_POLICY;

  it('re-times the running clocks a new policy governs, with a new SLA version and outbox row', async () => {
    const road = await report('CITY_MANAGEMENT.ROAD');
    const dispute = await report('DISPUTE.FAMILY');
    const { policy, retimedTickets } = await policies.create(roads);
    expect(policy).toMatchObject({ categoryPrefix: 'CITY_MANAGEMENT.ROAD', warningRatio: '0.667' });
    expect(retimedTickets).toBeGreaterThanOrEqual(1);

    const retimed = await reload(road.id);
    expect(retimed.deadlineAt!.getTime() - retimed.clockStartedAt!.getTime()).toBe(30 * MINUTE);
    expect(retimed.slaVersion).toBe(road.slaVersion + 1);
    expect(retimed.version).toBe(road.version + 1);
    const rows = await dataSource.getRepository(TicketOutboxEntity).findBy({ ticketId: road.id });
    expect(rows.at(-1)).toMatchObject({ kind: 'START_ACCEPT', slaVersion: retimed.slaVersion });
    // The seeded default (2 hours) still governs other categories.
    expect(await reload(dispute.id)).toMatchObject({
      slaVersion: dispute.slaVersion,
      deadlineAt: dispute.deadlineAt,
    });
  });

  it('keeps the time a clock was paused when a policy change re-times it', async () => {
    const ticket = await report('CITY_MANAGEMENT.ROAD');
    const workflow = new TicketWorkflowService(dataSource, staff);
    await workflow.apply(ticket.id, TicketAction.ACCEPT, {});
    await workflow.apply(ticket.id, TicketAction.DISPATCH, { assigneeAccountId: staff.accountId });
    await workflow.apply(ticket.id, TicketAction.SUSPEND, {
      reason: '等待配件',
      approverAccountId: staff.accountId,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const resumed = await workflow.apply(ticket.id, TicketAction.RESUME, {});
    expect(resumed.clockPausedMs).toBeGreaterThanOrEqual(20);

    const [existing] = await policies
      .list(TicketMode.COORDINATED)
      .then((all) => all.filter((p) => p.categoryPrefix === 'CITY_MANAGEMENT.ROAD'));
    await policies.update(existing.id, { ...roads, resolve: { amount: 2, unit: SlaUnit.HOURS } });
    const retimed = await reload(ticket.id);
    expect(retimed.deadlineAt!.getTime() - retimed.clockStartedAt!.getTime()).toBe(
      2 * 60 * MINUTE + resumed.clockPausedMs,
    );
  });

  it('refuses a second policy for the same key, out-of-range values and anyone but a platform admin', async () => {
    await expect(policies.create(roads)).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(
      policies.create({
        ...roads,
        categoryPrefix: 'DISPUTE',
        accept: { amount: 0, unit: SlaUnit.HOURS },
        warningRatio: 1,
      }),
    ).rejects.toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        problems: [{ field: 'input.accept.amount' }, { field: 'input.warningRatio' }],
      },
    });
    const unitAdmin = new SlaPolicyService(dataSource, authAs(Role.UNIT_ADMIN, '520303'));
    await expect(unitAdmin.create({ ...roads, categoryPrefix: 'DISPUTE' })).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('takes 2027 holidays and make-up days, refuses redundant ones, and deadlines follow them', async () => {
    const calendar = new WorkingCalendarService(dataSource, authAs(Role.PLATFORM_ADMIN, ''));
    expect(await calendar.year(2027)).toEqual([]);
    // Spring Festival 2027 falls on Saturday 6 February; say the Monday after is off and Sunday 31 January worked.
    await calendar.setDay({ day: '2027-02-08', working: false, name: '春节' });
    await calendar.setDay({ day: '2027-01-31', working: true, name: '春节调休' });
    expect(await calendar.year(2027)).toEqual([
      { day: '2027-01-31', working: true, name: '春节调休' },
      { day: '2027-02-08', working: false, name: '春节' },
    ]);
    const fridayMorning = new Date('2027-02-05T09:00:00+08:00');
    const working = await loadWorkingCalendar(dataSource.manager, fridayMorning);
    // Friday + 1 working day skips the weekend and the Monday holiday.
    expect(working.addWorkingDays(fridayMorning, 1)).toEqual(new Date('2027-02-09T09:00:00+08:00'));

    await expect(calendar.setDay({ day: '2027-02-06', working: false })).rejects.toMatchObject({
      extensions: { field: 'input.working' },
    });
    await expect(calendar.setDay({ day: '2027-02-30', working: false })).rejects.toMatchObject({
      extensions: { field: 'input.day' },
    });
    await expect(
      new WorkingCalendarService(dataSource, authAs(Role.UNIT_ADMIN, '520303')).setDay({
        day: '2027-02-09',
        working: false,
      }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await calendar.clearDay('2027-02-08');
    await expect(calendar.clearDay('2027-02-08')).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    // A day that is not a date, or out of range, is refused before anything is looked up or locked.
    for (const day of ['2027-2-8', '2027-02-29', '1999-02-08']) {
      await expect(calendar.clearDay(day)).rejects.toMatchObject({
        message: 'day: must be a real date YYYY-MM-DD from 2000 to 2100',
        extensions: { code: 'BAD_USER_INPUT', field: 'day' },
      });
    }
    await expect(
      new WorkingCalendarService(dataSource, authAs(Role.UNIT_ADMIN, '520303')).clearDay('2027-01-31'),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await calendar.year(2027)).toEqual([{ day: '2027-01-31', working: true, name: '春节调休' }]);
  });

  it('lets only callers with ticket:read read the policies and the calendar', async () => {
    const resident = authAs(Role.RESIDENT, '520303001001');
    await expect(new SlaPolicyService(dataSource, resident).list()).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    await expect(new WorkingCalendarService(dataSource, resident).year(2026)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    const worker = authAs(Role.GRID_WORKER, '520303001001');
    expect((await new SlaPolicyService(dataSource, worker).list()).length).toBeGreaterThan(0);
    expect((await new WorkingCalendarService(dataSource, worker).year(2026)).length).toBeGreaterThan(0);
  });
});
