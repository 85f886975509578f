import { randomUUID } from 'node:crypto';
import { Role } from '@gridgov/platform-auth';
import { authAs, openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketChannel, TicketMode } from './ticket.enums';
import { TicketService } from './ticket.service';

const GRID = '520303001001001';

// `Household.tickets`: only the tickets in the caller's ticket:read scope and those the caller reported.
describe('TicketService: a household’s tickets (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  const householdId = randomUUID();
  const staff = authAs(Role.COMMUNITY_STAFF, '520303001001');
  const resident = authAs(Role.RESIDENT, '520303001001');
  const elsewhere = authAs(Role.COMMUNITY_STAFF, '520303001002');

  const report = (auth: typeof staff, title: string) =>
    new TicketService(db.dataSource, auth).report({
      gridCode: GRID,
      categoryCode: 'CITY_MANAGEMENT.ROAD',
      mode: TicketMode.COORDINATED,
      channel: TicketChannel.WINDOW,
      title,
      householdId,
    });
  const titles = async (auth: typeof staff) =>
    (await new TicketService(db.dataSource, auth).listByHouseholdQuery(householdId, {}).getMany())
      .map((t) => t.title)
      .sort();

  beforeAll(async () => {
    db = await openTicketTestDatabase();
    await report(staff, '门前道路破损');
    await report(resident, '楼道灯坏了');
  });
  afterAll(() => db?.close());

  it('shows the scope’s tickets to staff, only their own to a resident, none outside the scope', async () => {
    expect(await titles(staff)).toEqual(['楼道灯坏了', '门前道路破损'].sort());
    expect(await titles(resident)).toEqual(['楼道灯坏了']);
    expect(await titles(elsewhere)).toEqual([]);
  });

  it('refuses a household id that is not a UUID', () => {
    expect(() => new TicketService(db.dataSource, staff).listByHouseholdQuery('42', {})).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });
});
