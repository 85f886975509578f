import type { DataSource } from 'typeorm';
import { Role } from '@gridgov/platform-auth';
import { authAs, openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketEventEntity } from '../ticket/ticket-event.entity';
import { TicketEntity } from '../ticket/ticket.entity';
import { TicketAction, TicketChannel, TicketMode, TicketStatus } from '../ticket/ticket.enums';
import { TicketService } from '../ticket/ticket.service';
import { TicketWorkflowService } from './ticket-workflow.service';

const GRID = '520303001001001';

// Two staff members accept the same ticket at the same moment: exactly one wins (and owns it),
// the other gets CONFLICT, and the timeline has one ACCEPT.
describe('TicketWorkflowService: concurrent steps (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await openTicketTestDatabase();
    dataSource = db.dataSource;
  });
  afterAll(() => db?.close());

  it('lets exactly one of two concurrent accepts win', async () => {
    const { id, version } = await new TicketService(dataSource, authAs(Role.GRID_WORKER, GRID)).report({
      gridCode: GRID,
      categoryCode: 'CITY_MANAGEMENT.ROAD',
      mode: TicketMode.COORDINATED,
      channel: TicketChannel.GRID_WORKER,
      title: '井盖缺失',
    });
    const staff = [authAs(Role.COMMUNITY_STAFF, '520303001001'), authAs(Role.COMMUNITY_STAFF, '520303001')];
    const results = await Promise.allSettled(
      staff.map((auth) =>
        new TicketWorkflowService(dataSource, auth).apply(id, TicketAction.ACCEPT, {
          expectedVersion: version,
        }),
      ),
    );

    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({ extensions: { code: 'CONFLICT' } });
    const winner = staff[results.indexOf(won[0])];
    const stored = await dataSource.getRepository(TicketEntity).findOneByOrFail({ id });
    expect(stored).toMatchObject({
      status: TicketStatus.ACCEPTED,
      ownerAccountId: winner.accountId,
      version: 2,
    });
    expect(
      await dataSource
        .getRepository(TicketEventEntity)
        .countBy({ ticketId: id, action: TicketAction.ACCEPT }),
    ).toBe(1);
  });
});
