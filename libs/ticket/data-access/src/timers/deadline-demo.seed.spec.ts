import { openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketEntity } from '../ticket/ticket.entity';
import { TicketOutboxEntity } from '../workflow/ticket-outbox.entity';
import { DEMO_CLOCK_TICKET_ID, seedDeadlineDemo } from './deadline-demo.seed';

// The demo's minute clock: one ticket whose accept clock turns YELLOW at 2, ORANGE at 4 and RED at 6 minutes.
describe('deadline demo seed', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  beforeAll(async () => {
    db = await openTicketTestDatabase();
  });
  afterAll(() => db.close());

  it('reports one ticket on a 4-minute clock with its outbox row, once', async () => {
    expect(await seedDeadlineDemo(db.dataSource)).toBe(true);
    expect(await seedDeadlineDemo(db.dataSource)).toBe(false);
    const ticket = await db.dataSource.getRepository(TicketEntity).findOneByOrFail({ id: DEMO_CLOCK_TICKET_ID });
    const minutes = (d: Date | null) => (d!.getTime() - ticket.clockStartedAt!.getTime()) / 60_000;
    expect([ticket.clockStage, minutes(ticket.warningAt), minutes(ticket.deadlineAt), minutes(ticket.redAt)]).toEqual([
      'ACCEPT',
      2,
      4,
      6,
    ]);
    expect(await db.dataSource.getRepository(TicketOutboxEntity).findBy({ ticketId: ticket.id })).toMatchObject([
      { kind: 'START_ACCEPT', slaVersion: 1, processedAt: null },
    ]);
  });
});
