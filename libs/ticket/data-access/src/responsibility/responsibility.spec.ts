import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role } from '@gridgov/platform-auth';
import { authAs, openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketAction, TicketChannel, TicketMode } from '../ticket/ticket.enums';
import { TicketService } from '../ticket/ticket.service';
import { TicketWorkflowService } from '../workflow/ticket-workflow.service';
import { ResponsibilityService } from './responsibility.service';

const DISTRICT = '520303';
const STREET = '520303001';
const COMMUNITY = '520303001001';
const URBAN = randomUUID();
const ROADS = randomUUID();
const ENVIRONMENT = randomUUID();
const STREET_OFFICE = randomUUID();

// Responsibility lists: the district's lines reach every unit below it; a street overrides them for
// its units; the longest unit code wins before the longest category prefix; dispatch without a
// department follows the list.
describe('ResponsibilityService (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  let dataSource: DataSource;
  let district: ResponsibilityService;
  beforeAll(async () => {
    db = await openTicketTestDatabase();
    dataSource = db.dataSource;
    district = new ResponsibilityService(dataSource, authAs(Role.UNIT_ADMIN, DISTRICT));
    await district.set({ unitCode: DISTRICT, categoryPrefix: '', leadDepartmentId: URBAN });
    await district.set({
      unitCode: DISTRICT,
      categoryPrefix: 'CITY_MANAGEMENT.ROAD',
      leadDepartmentId: ROADS,
      cooperatingDepartmentIds: [URBAN],
    });
    await district.set({
      unitCode: DISTRICT,
      categoryPrefix: 'ENVIRONMENTAL_PROTECTION',
      leadDepartmentId: ENVIRONMENT,
    });
    // The street takes every city-management matter itself, roads included.
    await district.set({
      unitCode: STREET,
      categoryPrefix: 'CITY_MANAGEMENT',
      leadDepartmentId: STREET_OFFICE,
    });
  });
  afterAll(() => db?.close());

  const lead = async (unit: string, category: string) =>
    (await district.resolve(unit, category))?.leadDepartmentId;

  it('inherits down the unit tree, lets a lower unit override, and prefers the longer unit over the longer category', async () => {
    expect(await lead('520303002001', 'CITY_MANAGEMENT.ROAD')).toBe(ROADS);
    expect(await lead('520303002001', 'ENVIRONMENTAL_PROTECTION.NOISE')).toBe(ENVIRONMENT);
    expect(await lead('520303002001', 'DISPUTE.FAMILY')).toBe(URBAN);
    expect(await lead(COMMUNITY, 'CITY_MANAGEMENT.ROAD')).toBe(STREET_OFFICE);
    expect(await lead(COMMUNITY, 'ENVIRONMENTAL_PROTECTION.NOISE')).toBe(ENVIRONMENT);
    // "_" is no wildcard: CITYXMANAGEMENT does not fall under CITY_MANAGEMENT.
    expect(await lead('520303002001', 'CITYXMANAGEMENT.ROAD')).toBe(URBAN);
  });

  it('replaces a line on a second set and falls back to the parent once it is removed', async () => {
    const own = await district.set({
      unitCode: COMMUNITY,
      categoryPrefix: 'CITY_MANAGEMENT',
      leadDepartmentId: ROADS,
    });
    const again = await district.set({
      unitCode: COMMUNITY,
      categoryPrefix: 'CITY_MANAGEMENT',
      leadDepartmentId: ROADS,
      cooperatingDepartmentIds: [STREET_OFFICE],
    });
    expect(again.id).toBe(own.id);
    expect(await district.resolve(COMMUNITY, 'CITY_MANAGEMENT.ROAD')).toMatchObject({
      leadDepartmentId: ROADS,
      cooperatingDepartmentIds: [STREET_OFFICE],
    });
    await district.remove(own.id);
    expect(await lead(COMMUNITY, 'CITY_MANAGEMENT.ROAD')).toBe(STREET_OFFICE);
  });

  it('lists inherited and lower lines; refuses bad input and units outside the admin’s scope', async () => {
    const units = (await district.list(STREET)).map((r) => `${r.unitCode}:${r.categoryPrefix}`);
    expect(units).toEqual([
      `${DISTRICT}:`,
      `${DISTRICT}:CITY_MANAGEMENT.ROAD`,
      `${DISTRICT}:ENVIRONMENTAL_PROTECTION`,
      `${STREET}:CITY_MANAGEMENT`,
    ]);
    await expect(
      district.set({ unitCode: '5203030', leadDepartmentId: URBAN, cooperatingDepartmentIds: [URBAN] }),
    ).rejects.toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        problems: [{ field: 'input.unitCode' }, { field: 'input.cooperatingDepartmentIds' }],
      },
    });
    const streetAdmin = new ResponsibilityService(dataSource, authAs(Role.UNIT_ADMIN, STREET));
    await expect(streetAdmin.set({ unitCode: DISTRICT, leadDepartmentId: ROADS })).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('dispatches by the list when no department is named, and says so when no line covers the ticket', async () => {
    const staff = authAs(Role.COMMUNITY_STAFF, COMMUNITY);
    const workflow = new TicketWorkflowService(dataSource, staff);
    const reportAndAccept = async (categoryCode: string) => {
      const ticket = await new TicketService(dataSource, staff).report({
        gridCode: `${COMMUNITY}001`,
        categoryCode,
        mode: TicketMode.COORDINATED,
        channel: TicketChannel.WINDOW,
        title: '按清单派单',
      });
      await workflow.apply(ticket.id, TicketAction.ACCEPT, {});
      return ticket.id;
    };
    const noisy = await reportAndAccept('ENVIRONMENTAL_PROTECTION.NOISE');
    await workflow.apply(noisy, TicketAction.DISPATCH, {});
    const [dispatches] = await new TicketService(dataSource, staff).dispatches([noisy]);
    expect(dispatches.map((d) => [d.departmentId, d.role])).toEqual([[ENVIRONMENT, 'LEAD']]);
    const [timeline] = await new TicketService(dataSource, staff).timelines([noisy]);
    expect(timeline.at(-1)?.note).toContain('By the responsibility list');

    const elsewhere = new ResponsibilityService(dataSource, authAs(Role.PLATFORM_ADMIN, ''));
    await elsewhere.set({ unitCode: '5204', leadDepartmentId: URBAN });
    const uncovered = await new TicketService(
      dataSource,
      authAs(Role.COMMUNITY_STAFF, '520402001001'),
    ).report({
      gridCode: '520402001001001',
      categoryCode: 'DISPUTE.FAMILY',
      channel: TicketChannel.WINDOW,
      title: '别处的事项',
    });
    await elsewhere.remove((await elsewhere.resolve('5204', 'DISPUTE.FAMILY'))!.id);
    const platform = new TicketWorkflowService(dataSource, authAs(Role.PLATFORM_ADMIN, ''));
    await platform.apply(uncovered.id, TicketAction.ACCEPT, {});
    await expect(platform.apply(uncovered.id, TicketAction.DISPATCH, {})).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.departmentId' },
    });
  });
});
