import { createLogger } from '@gridgov/platform-observability';
import { openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketEventEntity } from '../ticket/ticket-event.entity';
import { TicketEntity } from '../ticket/ticket.entity';
import { seedTicketDemo } from './ticket-demo.seed';

// The demo seed runs on every start of a development stack, so a second run must change nothing.
describe('ticket demo seed (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  beforeAll(async () => {
    db = await openTicketTestDatabase();
  });
  afterAll(() => db?.close());

  it('writes 11 tickets over four grids with their first timeline entries and a few workflow steps, once', async () => {
    const log = createLogger('ticket-demo-seed-test', 'silent');
    await seedTicketDemo(db.dataSource, log);
    await seedTicketDemo(db.dataSource, log);
    const tickets = await db.dataSource.getRepository(TicketEntity).find();
    expect(tickets).toHaveLength(11);
    expect(new Set(tickets.map((t) => t.gridCode)).size).toBe(4);
    // 11 reports plus the demo's 7 workflow steps, walked once.
    expect(await db.dataSource.getRepository(TicketEventEntity).count()).toBe(18);
    const road = tickets.find((t) => t.id === '7c1e0000-0000-4000-8000-000000000001');
    expect(road).toMatchObject({ status: 'IN_PROGRESS', clockStage: 'RESOLVE' });
    const dispute = tickets.find((t) => t.id === '7c1e0000-0000-4000-8000-000000000003');
    expect(dispute).toMatchObject({ status: 'ESCALATED', handlingUnitCode: '520303001' });
    const proxy = tickets.find((t) => t.id === '7c1e0000-0000-4000-8000-000000000005');
    expect(proxy).toMatchObject({ status: 'ESCALATED', handlingUnitCode: '520303001', mode: 'PROXY' });
  });
});
