import { DEMO_ACCOUNTS } from '@gridgov/platform-auth';
import { createLogger } from '@gridgov/platform-observability';
import { ticketFacts, TicketFactGroup } from '../stats/ticket-facts.query';
import { openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketEventEntity } from '../ticket/ticket-event.entity';
import { TicketEntity } from '../ticket/ticket.entity';
import { seedTicketDemo } from './ticket-demo.seed';

const ZHUHAI_GW1 = DEMO_ACCOUNTS['zhuhai.gw1'];
const RENMIN_GW1 = DEMO_ACCOUNTS['renmin.gw1'];

// The demo seed runs on every start of a development stack, so a second run must change nothing.
describe('ticket demo seed (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  beforeAll(async () => {
    db = await openTicketTestDatabase();
    const log = createLogger('ticket-demo-seed-test', 'silent');
    await seedTicketDemo(db.dataSource, log);
    await seedTicketDemo(db.dataSource, log);
  });
  afterAll(() => db?.close());

  it('writes 17 tickets over four grids with their first timeline entries and workflow steps, once', async () => {
    const tickets = await db.dataSource.getRepository(TicketEntity).find();
    expect(tickets).toHaveLength(17);
    expect(new Set(tickets.map((t) => t.gridCode)).size).toBe(4);
    // 17 reports, the open tickets' 7 steps, 7 per handled ticket and 3 more for the reworked one: walked once.
    expect(await db.dataSource.getRepository(TicketEventEntity).count()).toBe(17 + 7 + 6 * 7 + 3);
    const road = tickets.find((t) => t.id === '7c1e0000-0000-4000-8000-000000000001');
    expect(road).toMatchObject({ status: 'IN_PROGRESS', clockStage: 'RESOLVE' });
    const dispute = tickets.find((t) => t.id === '7c1e0000-0000-4000-8000-000000000003');
    expect(dispute).toMatchObject({ status: 'ESCALATED', handlingUnitCode: '520303001' });
    const proxy = tickets.find((t) => t.id === '7c1e0000-0000-4000-8000-000000000005');
    expect(proxy).toMatchObject({ status: 'ESCALATED', handlingUnitCode: '520303001', mode: 'PROXY' });
  });

  it('has the demo grid workers handle residents’ tickets to closed and rated, as the demo accounts', async () => {
    const handled = (await db.dataSource.query(
      `SELECT d.account_id, t.status, t.satisfaction, t.rework_count, t.overdue, t.reporter_id
         FROM ticket t JOIN ticket_dispatch d ON d.ticket_id = t.id AND d.status = 'ACTIVE'
        WHERE d.account_id IS NOT NULL ORDER BY t.id`,
    )) as {
      account_id: string;
      status: string;
      satisfaction: string;
      rework_count: number;
      overdue: boolean;
      reporter_id: string;
    }[];
    const row = (satisfaction: string, rework_count = 0, overdue = false) => ({
      status: 'CLOSED',
      satisfaction,
      rework_count,
      overdue,
      reporter_id: DEMO_ACCOUNTS['huichuan.resident'].id,
    });
    expect(handled.map(({ account_id, ...rest }) => [account_id, rest])).toEqual([
      [ZHUHAI_GW1.id, row('SATISFIED')],
      [ZHUHAI_GW1.id, row('SATISFIED')],
      [ZHUHAI_GW1.id, row('BASICALLY_SATISFIED')],
      // Unsatisfied: reopened, reworked and closed with the rating on record.
      [RENMIN_GW1.id, row('UNSATISFIED', 1)],
      [RENMIN_GW1.id, row('SATISFIED')],
      // Accepted after its 2-hour accept time: closed, but late.
      [RENMIN_GW1.id, row('SATISFIED', 0, true)],
    ]);
    // Each step stands in the timeline under the account that took it.
    const [{ actors }] = await db.dataSource.query(
      `SELECT array_agg(e.action || ':' || e.actor_id ORDER BY e.id) AS actors FROM ticket_event e
        WHERE e.ticket_id = '7c1e0000-0000-4000-8000-000000000020'`,
    );
    const staff = DEMO_ACCOUNTS['zhuhai.staff'].id;
    const resident = DEMO_ACCOUNTS['huichuan.resident'].id;
    expect(actors).toEqual([
      `REPORT:${resident}`,
      `ACCEPT:${staff}`,
      `DISPATCH:${staff}`,
      `START:${ZHUHAI_GW1.id}`,
      `RESOLVE:${ZHUHAI_GW1.id}`,
      `VERIFY:${ZHUHAI_GW1.id}`,
      `RATE:${resident}`,
      `CLOSE:${staff}`,
    ]);
  });

  it('gives the two demo grid workers’ grids different facts, as an assessment run reads them', async () => {
    const facts = await ticketFacts(db.dataSource, {
      group: TicketFactGroup.GRID,
      codePrefix: '520303',
      from: new Date(Date.now() - 7 * 24 * 3_600_000),
      to: new Date(Date.now() + 3_600_000),
    });
    const of = (gridCode: string) => facts.find((f) => f.key === gridCode);
    // Three open tickets and three closed on time, all rated satisfied.
    expect(of(ZHUHAI_GW1.grant.scopeCode)).toMatchObject({
      received: 6,
      closed: 3,
      closureRate: 0.5,
      onTimeRate: 1,
      satisfactionRate: 1,
      reworkRate: 0,
    });
    // Two open, both past their accept time; of three closed one was late and one left unsatisfied.
    expect(of(RENMIN_GW1.grant.scopeCode)).toMatchObject({
      received: 5,
      closed: 3,
      closureRate: 0.6,
      onTimeRate: 2 / 3,
      satisfactionRate: 2 / 3,
      reworkRate: 0.2,
      overdue: 3,
    });
  });
});
