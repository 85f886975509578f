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

  it('writes 8 tickets over four grids, each with its first timeline entry, once', async () => {
    const log = createLogger('ticket-demo-seed-test', 'silent');
    await seedTicketDemo(db.dataSource, log);
    await seedTicketDemo(db.dataSource, log);
    const tickets = await db.dataSource.getRepository(TicketEntity).find();
    expect(tickets).toHaveLength(8);
    expect(new Set(tickets.map((t) => t.gridCode)).size).toBe(4);
    expect(await db.dataSource.getRepository(TicketEventEntity).count()).toBe(8);
  });
});
