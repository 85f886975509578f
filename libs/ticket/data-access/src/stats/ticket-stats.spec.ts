import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role } from '@gridgov/platform-auth';
import { authAs, authAsHandler, openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketEntity } from '../ticket/ticket.entity';
import { Satisfaction, TicketAction, TicketChannel, TicketMode } from '../ticket/ticket.enums';
import { TicketService } from '../ticket/ticket.service';
import { TicketWorkflowService } from '../workflow/ticket-workflow.service';
import { TicketFactGroup, ticketFacts } from './ticket-facts.query';
import { TicketStatsService } from './ticket-stats.service';

const GRID = '520303001001001';
const ROADS = randomUUID();

// Three tickets in a grid: one closed after one rework and a satisfied rating, one left overdue,
// one just reported; the statistics of the grid, its street and a department count them right.
describe('TicketStatsService (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await openTicketTestDatabase();
    dataSource = db.dataSource;
  });
  afterAll(() => db?.close());

  it('counts received, closed, rates, overdue and RED tickets', async () => {
    const worker = authAs(Role.GRID_WORKER, GRID);
    const staff = authAs(Role.COMMUNITY_STAFF, '520303001001');
    const roads = authAsHandler(ROADS);
    const report = (title: string) =>
      new TicketService(dataSource, worker).report({
        gridCode: GRID,
        categoryCode: 'CITY_MANAGEMENT.ROAD',
        mode: TicketMode.COORDINATED,
        channel: TicketChannel.GRID_WORKER,
        title,
      });
    const closed = await report('井盖缺失');
    const step = (auth: typeof staff, action: Parameters<TicketWorkflowService['apply']>[1], input = {}) =>
      new TicketWorkflowService(dataSource, auth).apply(closed.id, action, input);
    await step(staff, TicketAction.ACCEPT);
    await step(staff, TicketAction.DISPATCH, { departmentId: ROADS });
    await step(roads, TicketAction.RESOLVE, { note: '已补' });
    await step(worker, TicketAction.VERIFY, { passed: false });
    await step(roads, TicketAction.START);
    await step(roads, TicketAction.RESOLVE, { note: '重补' });
    await step(worker, TicketAction.VERIFY, { passed: true });
    await step(worker, TicketAction.RATE, { satisfaction: Satisfaction.SATISFIED });
    await step(staff, TicketAction.CLOSE);

    const late = await report('路灯不亮');
    await dataSource.getRepository(TicketEntity).update(late.id, {
      deadlineAt: new Date(Date.now() - 3_600_000),
      redAt: new Date(Date.now() - 60_000),
    });
    await report('树枝遮挡');

    const period = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 60_000) };
    const leader = new TicketStatsService(dataSource, authAs(Role.LEADER, '520303'));
    const expected = {
      received: 3,
      closed: 1,
      closureRate: 1 / 3,
      onTimeRate: 1,
      satisfactionRate: 1,
      reworkRate: 1 / 3,
      overdue: 1,
      red: 1,
    };
    expect(await leader.stats({ scopeCode: GRID, ...period })).toMatchObject(expected);
    const street = await leader.stats({ scopeCode: '520303001', ...period });
    expect(street).toMatchObject(expected);
    expect(street.averageHandlingHours).toBeGreaterThanOrEqual(0);
    expect(await leader.stats({ scopeCode: '520303001', departmentId: ROADS, ...period })).toMatchObject({
      received: 1,
      closed: 1,
      reworkRate: 1,
    });
    expect(await leader.stats({ scopeCode: '520303002', ...period })).toMatchObject({
      received: 0,
      closureRate: null,
    });
    await expect(
      new TicketStatsService(dataSource, authAs(Role.LEADER, '520303002')).stats({
        scopeCode: GRID,
        ...period,
      }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  // Assessment rates by the facts: each figure must come out as ticketStats gives it (same tickets as above).
  it('gives assessment the same figures per grid and street as ticketStats', async () => {
    const period = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 60_000) };
    const leader = new TicketStatsService(dataSource, authAs(Role.LEADER, '520303'));
    for (const [group, key] of [
      [TicketFactGroup.GRID, GRID],
      [TicketFactGroup.STREET, '520303001'],
    ] as const) {
      const { averageHandlingHours, ...counts } = await leader.stats({ scopeCode: key, ...period });
      expect(averageHandlingHours).not.toBeNull();
      expect(counts).toMatchObject({ received: 3, closed: 1, overdue: 1, red: 1 });
      expect(await ticketFacts(dataSource, { group, codePrefix: '520303', ...period })).toEqual([
        { key, ...counts },
      ]);
    }
  });
});
