import { Role } from '@gridgov/platform-auth';
import { type TestGraph } from '@gridgov/platform-testing';
import { createTicketSubgraph } from '@gridgov/ticket-graphql';
import { type TestPerson } from './testing/sign-in-people';
import { dataOf, startSignedInGraph } from './testing/signed-in-graph';

const GRID = '520303001001001';
const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;
const chinaDay = (t: number) => new Date(t + CHINA).toISOString().slice(0, 10);

// A holiday declared while a ticket's working-day clock runs moves the deadline the ticket shows
// through the gateway; clearing it moves the deadline back.
describe('calendar edits move running deadlines, through the gateway', () => {
  let graph: TestGraph;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    const people: TestPerson[] = [
      ['platform.admin', Role.PLATFORM_ADMIN, ''],
      ['zhuhai.gw', Role.GRID_WORKER, GRID],
    ];
    ({ graph, tokens } = await startSignedInGraph(() => [createTicketSubgraph()], people));
  });
  afterAll(() => graph?.stop());

  const ok = <T>(query: string, variables: Record<string, unknown>, who: string) =>
    dataOf<T>(graph, query, variables, tokens[who]);
  const deadlineOf = async (id: string) =>
    Date.parse(
      (
        await ok<{ ticket: { deadlineAt: string } }>(
          `query($id: ID!) { ticket(id: $id) { deadlineAt } }`,
          { id },
          'zhuhai.gw',
        )
      ).ticket.deadlineAt,
    );

  it('moves the deadline of a ticket whose clock spans a new holiday one working day later, and back', async () => {
    await ok(
      `mutation($input: SlaPolicyInput!) { createSlaPolicy(input: $input) { retimedTickets } }`,
      {
        input: {
          categoryPrefix: 'CITY_MANAGEMENT.ROAD',
          mode: 'COORDINATED',
          unitLevel: 'COMMUNITY',
          accept: { amount: 5, unit: 'WORKING_DAYS' },
          resolve: { amount: 5, unit: 'WORKING_DAYS' },
          verify: { amount: 1, unit: 'WORKING_DAYS' },
        },
      },
      'platform.admin',
    );
    const { reportTicket } = await ok<{ reportTicket: { id: string; deadlineAt: string } }>(
      `mutation($input: ReportTicketInput!) { reportTicket(input: $input) { id deadlineAt } }`,
      {
        input: {
          gridCode: GRID,
          categoryCode: 'CITY_MANAGEMENT.ROAD',
          mode: 'COORDINATED',
          channel: 'GRID_WORKER',
          title: '路面塌陷',
        },
      },
      'zhuhai.gw',
    );
    const deadline = Date.parse(reportTicket.deadlineAt);

    // Which days are off, from the calendar the graph serves (weekends plus its exceptions).
    const exceptions = new Map<string, boolean>();
    for (const year of new Set(
      [chinaDay(Date.now()), chinaDay(deadline + 14 * DAY)].map((d) => Number(d.slice(0, 4))),
    ))
      for (const d of (
        await ok<{ workingCalendar: { day: string; working: boolean }[] }>(
          `query($year: Int!) { workingCalendar(year: $year) { day working } }`,
          { year },
          'zhuhai.gw',
        )
      ).workingCalendar)
        exceptions.set(d.day, d.working);
    const weekday = (t: number) => ![0, 6].includes(new Date(t + CHINA).getUTCDay());
    const working = (t: number) => exceptions.get(chinaDay(t)) ?? weekday(t);
    // The last ordinary weekday before the deadline's day: inside the clock's window.
    let holiday = deadline - DAY;
    while (!(weekday(holiday) && working(holiday))) holiday -= DAY;
    expect(holiday).toBeGreaterThan(Date.now());
    // Without it, the deadline falls on the next working day after the old one, same time of day.
    let expected = deadline + DAY;
    while (!working(expected)) expected += DAY;

    const set = await ok<{ setCalendarDay: { day: string; retimedTickets: number } }>(
      `mutation($input: CalendarDayInput!) { setCalendarDay(input: $input) { day working retimedTickets } }`,
      { input: { day: chinaDay(holiday), working: false, name: '临时假日' } },
      'platform.admin',
    );
    expect(set.setCalendarDay).toEqual({ day: chinaDay(holiday), working: false, retimedTickets: 1 });
    expect(await deadlineOf(reportTicket.id)).toBe(expected);
    // Read back from the calendar, the day carries no re-timing count.
    const listed = await ok<{ workingCalendar: { day: string; retimedTickets: number | null }[] }>(
      `query($year: Int!) { workingCalendar(year: $year) { day retimedTickets } }`,
      { year: Number(chinaDay(holiday).slice(0, 4)) },
      'zhuhai.gw',
    );
    expect(listed.workingCalendar).toContainEqual({ day: chinaDay(holiday), retimedTickets: null });

    const cleared = await ok<{ clearCalendarDay: { retimedTickets: number } }>(
      `mutation($day: String!) { clearCalendarDay(day: $day) { retimedTickets } }`,
      { day: chinaDay(holiday) },
      'platform.admin',
    );
    expect(cleared.clearCalendarDay.retimedTickets).toBe(1);
    expect(await deadlineOf(reportTicket.id)).toBe(deadline);
  });
});
