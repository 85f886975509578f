import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role } from '@gridgov/platform-auth';
import { paginate } from '@gridgov/platform-graphql';
import { authAs, openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketEntity } from '../ticket/ticket.entity';
import { TicketChannel } from '../ticket/ticket.enums';
import { TicketService } from '../ticket/ticket.service';
import { StatsBucket, TicketStatsService } from './ticket-stats.service';

const GRID_A = '520303001001001';
const GRID_B = '520303001001002';
const HOUSEHOLD = randomUUID();
const DAY = 86_400_000;

// Hot spots, spike alerts, per-period series and a household's tickets over reports whose times
// are set explicitly (two days in March 2026, China time).
describe('ticket hot spots, spikes, series and household tickets (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  let dataSource: DataSource;
  const staff = authAs(Role.COMMUNITY_STAFF, '520303001001');
  const stats = () => new TicketStatsService(dataSource, authAs(Role.LEADER, '520303'));
  const day1 = new Date('2026-03-02T10:00:00+08:00');

  beforeAll(async () => {
    db = await openTicketTestDatabase();
    dataSource = db.dataSource;
    const tickets = new TicketService(dataSource, staff);
    const report = async (
      gridCode: string,
      categoryCode: string,
      at: Date,
      householdId: string | null = null,
    ) => {
      const { id } = await tickets.report({
        gridCode,
        categoryCode,
        channel: TicketChannel.WINDOW,
        title: '统计样本',
        householdId,
      });
      await dataSource.getRepository(TicketEntity).update(id, { reportedAt: at });
    };
    // Day 1: four fire hazards in grid A within five hours, one road issue in B.
    for (let i = 0; i < 4; i++)
      await report(GRID_A, 'SAFETY_PRODUCTION.FIRE', new Date(day1.getTime() + i * 3_600_000));
    await report(GRID_B, 'CITY_MANAGEMENT.ROAD', day1, HOUSEHOLD);
    // Day 3: two road issues in B, one concerning the household.
    await report(GRID_B, 'CITY_MANAGEMENT.ROAD', new Date(day1.getTime() + 2 * DAY), HOUSEHOLD);
    await report(GRID_B, 'CITY_MANAGEMENT.STREET_LIGHT', new Date(day1.getTime() + 2 * DAY));
  });
  afterAll(() => db?.close());

  it('ranks categories and grids by tickets in the period', async () => {
    const spots = await stats().hotSpots(
      {
        scopeCode: '520303',
        from: new Date('2026-03-01T00:00:00+08:00'),
        to: new Date('2026-04-01T00:00:00+08:00'),
      },
      2,
    );
    expect(spots).toEqual({
      categories: [
        { categoryCode: 'SAFETY_PRODUCTION.FIRE', count: 4 },
        { categoryCode: 'CITY_MANAGEMENT.ROAD', count: 2 },
      ],
      grids: [
        { gridCode: GRID_A, count: 4 },
        { gridCode: GRID_B, count: 3 },
      ],
    });
  });

  it('raises a spike for N tickets of one category in one grid within 24 hours, N configurable', async () => {
    const evening = new Date(day1.getTime() + 8 * 3_600_000);
    expect(await stats().spikes('520303', 4, evening)).toEqual([
      {
        gridCode: GRID_A,
        categoryCode: 'SAFETY_PRODUCTION.FIRE',
        count: 4,
        firstReportedAt: day1,
        lastReportedAt: new Date(day1.getTime() + 3 * 3_600_000),
      },
    ]);
    expect(await stats().spikes('520303', 5, evening)).toEqual([]);
    // A day and a half later the window no longer holds them.
    expect(await stats().spikes('520303', 2, new Date(day1.getTime() + 1.5 * DAY))).toEqual([]);
    await expect(stats().spikes('520303', 1, evening)).rejects.toMatchObject({
      extensions: { field: 'threshold' },
    });
  });

  it('counts per day in China time, empty days included, and refuses too many periods', async () => {
    const series = await stats().series(
      {
        scopeCode: '520303001',
        from: new Date('2026-03-02T00:00:00+08:00'),
        to: new Date('2026-03-05T00:00:00+08:00'),
      },
      StatsBucket.DAY,
    );
    expect(series.map((p) => [p.periodStart.toISOString(), p.stats.received])).toEqual([
      ['2026-03-01T16:00:00.000Z', 5],
      ['2026-03-02T16:00:00.000Z', 0],
      ['2026-03-03T16:00:00.000Z', 2],
    ]);
    const [month] = await stats().series(
      {
        scopeCode: GRID_B,
        from: new Date('2026-03-01T00:00:00+08:00'),
        to: new Date('2026-04-01T00:00:00+08:00'),
      },
      StatsBucket.MONTH,
    );
    expect(month.stats.received).toBe(3);
    await expect(
      stats().series(
        { scopeCode: '520303', from: new Date('2020-01-01'), to: new Date('2026-01-01') },
        StatsBucket.DAY,
      ),
    ).rejects.toMatchObject({ extensions: { field: 'to' } });
  });

  it("lists a household's tickets within the caller's scope", async () => {
    const list = (role: Role, scope: string) =>
      paginate(
        new TicketService(dataSource, authAs(role, scope)).listByHouseholdQuery(HOUSEHOLD, {}),
        { first: 10 },
        {
          column: 'ticket.reportedAt',
          value: (t: TicketEntity) => t.reportedAt,
          direction: 'DESC',
        },
      );
    const own = await list(Role.GRID_WORKER, GRID_B);
    expect(own.edges.map((e) => e.node.reportedAt)).toEqual([new Date(day1.getTime() + 2 * DAY), day1]);
    expect((await list(Role.GRID_WORKER, GRID_A)).edges).toEqual([]);
  });
});
