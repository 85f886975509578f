import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role } from '@gridgov/platform-auth';
import { authAs, authAsHandler, openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketAction, TicketChannel, TicketMode } from '../ticket/ticket.enums';
import { TicketService } from '../ticket/ticket.service';
import { TicketWorkflowService } from '../workflow/ticket-workflow.service';
import { TicketSupervisionService } from './ticket-supervision.service';

const GRID = '520303001001001';
const ROADS = randomUUID();

// A district leader supervises a dispatched ticket (it turns RED); the department replies; others may not.
describe('TicketSupervisionService (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await openTicketTestDatabase();
    dataSource = db.dataSource;
  });
  afterAll(() => db?.close());

  it('records the opinion and the handler’s reply, and refuses outsiders', async () => {
    const staff = authAs(Role.COMMUNITY_STAFF, '520303001001');
    const { id } = await new TicketService(dataSource, authAs(Role.GRID_WORKER, GRID)).report({
      gridCode: GRID,
      categoryCode: 'CITY_MANAGEMENT.ROAD',
      mode: TicketMode.COORDINATED,
      channel: TicketChannel.GRID_WORKER,
      title: '道路积水',
    });
    await new TicketWorkflowService(dataSource, staff).apply(id, TicketAction.ACCEPT, {});
    await new TicketWorkflowService(dataSource, staff).apply(id, TicketAction.DISPATCH, {
      departmentId: ROADS,
    });

    await expect(
      new TicketSupervisionService(dataSource, authAs(Role.LEADER, '520303002')).supervise(id, '尽快处理'),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const leader = new TicketSupervisionService(dataSource, authAs(Role.LEADER, '520303'));
    const supervised = await leader.supervise(id, '汛期前务必解决');
    expect(supervised).toMatchObject({ supervised: true, supervisionColor: 'RED' });

    const [[supervision]] = await leader.forTickets([id]);
    await expect(
      new TicketSupervisionService(dataSource, authAsHandler(randomUUID())).reply(supervision.id, '收到'),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const replied = await new TicketSupervisionService(dataSource, authAsHandler(ROADS)).reply(
      supervision.id,
      '已安排抽水',
    );
    expect(replied).toMatchObject({ opinion: '汛期前务必解决', reply: '已安排抽水' });
  });
});
