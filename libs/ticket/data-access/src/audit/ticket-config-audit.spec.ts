import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role } from '@gridgov/platform-auth';
import { TicketCategoryService } from '../catalogue/ticket-category.service';
import { ResponsibilityService } from '../responsibility/responsibility.service';
import { SlaUnit } from '../sla/sla-policy';
import { SlaPolicyService } from '../sla/sla-policy.service';
import { reportSpecTicket, ROADS_POLICY } from '../sla/sla-spec.fixture';
import { WorkingCalendarService } from '../sla/working-calendar.service';
import { authAs, openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketConfigAuditEntity, TicketConfigChangeKind } from './ticket-config-audit.entity';
import { TicketConfigAuditService } from './ticket-config-audit.service';

/** A Tuesday and a Saturday far from any bundled calendar year. */
const TUESDAY = '2099-06-02';
const SATURDAY = '2099-06-06';

// Every configuration change writes one audit row in its own transaction: a refused change writes
// none, and a change whose audit row cannot be written does not happen.
describe('ticket configuration audit (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  let dataSource: DataSource;
  const admin = authAs(Role.PLATFORM_ADMIN, '');
  beforeAll(async () => {
    db = await openTicketTestDatabase();
    dataSource = db.dataSource;
  });
  afterAll(() => db?.close());

  const rowsFor = (key: string) =>
    dataSource.getRepository(TicketConfigAuditEntity).find({ where: { key }, order: { at: 'ASC' } });
  const roads = ROADS_POLICY;

  it('records a policy update once, with the values before and after and the clocks it re-timed', async () => {
    const policies = new SlaPolicyService(dataSource, admin);
    const { policy } = await policies.create(roads);
    await reportSpecTicket(dataSource, authAs(Role.COMMUNITY_STAFF, '520303001001'), 'CITY_MANAGEMENT.ROAD');
    const { retimedTickets } = await policies.update(policy.id, {
      ...roads,
      accept: { amount: 45, unit: SlaUnit.MINUTES },
    });
    expect(retimedTickets).toBe(1);

    const rows = await rowsFor(policy.id);
    expect(rows.map((r) => r.kind)).toEqual([
      TicketConfigChangeKind.SLA_POLICY_CREATE,
      TicketConfigChangeKind.SLA_POLICY_UPDATE,
    ]);
    const update = rows[1];
    expect(update).toMatchObject({
      actorId: admin.accountId,
      scopeCode: '',
      before: { categoryPrefix: 'CITY_MANAGEMENT.ROAD', acceptAmount: 30, acceptUnit: 'MINUTES' },
      after: { categoryPrefix: 'CITY_MANAGEMENT.ROAD', acceptAmount: 45, acceptUnit: 'MINUTES' },
      effects: { retimedTickets: 1 },
    });
    expect(update.after).not.toHaveProperty('id');
    expect(rows[0].before).toBeNull();
  });

  it('records a calendar edit and its clearing once each; a refused edit records nothing', async () => {
    const calendar = new WorkingCalendarService(dataSource, admin);
    await calendar.setDay({ day: TUESDAY, working: false, name: '测试假日' });
    await calendar.setDay({ day: TUESDAY, working: false, name: '改名假日' });
    await calendar.clearDay(TUESDAY);
    expect(
      (await rowsFor(TUESDAY)).map(({ kind, before, after, effects }) => ({ kind, before, after, effects })),
    ).toEqual([
      {
        kind: TicketConfigChangeKind.CALENDAR_DAY_SET,
        before: null,
        after: { working: false, name: '测试假日' },
        effects: { retimedTickets: 0 },
      },
      {
        kind: TicketConfigChangeKind.CALENDAR_DAY_SET,
        before: { working: false, name: '测试假日' },
        after: { working: false, name: '改名假日' },
        effects: { retimedTickets: 0 },
      },
      {
        kind: TicketConfigChangeKind.CALENDAR_DAY_CLEAR,
        before: { working: false, name: '改名假日' },
        after: null,
        effects: { retimedTickets: 0 },
      },
    ]);

    // Refused inside the transaction (nothing to clear) and before it (not an admin).
    await expect(calendar.clearDay(TUESDAY)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(
      new WorkingCalendarService(dataSource, authAs(Role.UNIT_ADMIN, '5203')).setDay({
        day: TUESDAY,
        working: false,
      }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await rowsFor(TUESDAY)).toHaveLength(3);
  });

  it('records nothing for a refused policy change (a clash found inside the transaction)', async () => {
    const before = await dataSource.getRepository(TicketConfigAuditEntity).count();
    await expect(
      new SlaPolicyService(dataSource, admin).create({
        ...roads,
        accept: { amount: 5, unit: SlaUnit.MINUTES },
      }),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await dataSource.getRepository(TicketConfigAuditEntity).count()).toBe(before);
  });

  it('records nothing when a category is set to the state it already has', async () => {
    const before = await dataSource.getRepository(TicketConfigAuditEntity).count();
    const category = await new TicketCategoryService(dataSource, admin).setActive('CITY_MANAGEMENT', true);
    expect(category.active).toBe(true);
    expect(await dataSource.getRepository(TicketConfigAuditEntity).count()).toBe(before);
  });

  it('does not make a change whose audit row cannot be written (one transaction)', async () => {
    await dataSource.query(
      `ALTER TABLE ticket_config_audit ADD CONSTRAINT refuse_calendar CHECK (kind <> 'CALENDAR_DAY_SET') NOT VALID`,
    );
    try {
      await expect(
        new WorkingCalendarService(dataSource, admin).setDay({ day: SATURDAY, working: true, name: '调休' }),
      ).rejects.toThrow(/refuse_calendar/);
    } finally {
      await dataSource.query(`ALTER TABLE ticket_config_audit DROP CONSTRAINT refuse_calendar`);
    }
    expect(await dataSource.query(`SELECT day FROM working_calendar WHERE day = $1`, [SATURDAY])).toEqual([]);
    expect(await rowsFor(SATURDAY)).toEqual([]);
  });

  it('records catalogue and responsibility changes; each admin reads only the changes within their scope', async () => {
    await new TicketCategoryService(dataSource, admin).setActive('CITY_MANAGEMENT.ROAD', false);
    const unitAdmin = authAs(Role.UNIT_ADMIN, '520303');
    const responsibility = new ResponsibilityService(dataSource, unitAdmin);
    const lead = randomUUID();
    const rule = await responsibility.set({
      unitCode: '520303',
      categoryPrefix: 'DISPUTE',
      leadDepartmentId: lead,
    });
    await responsibility.remove(rule.id);

    const read = (auth: ReturnType<typeof authAs>, filter = {}) =>
      new TicketConfigAuditService(dataSource, auth).query(filter).orderBy('change.at', 'DESC').getMany();
    const mine = await read(unitAdmin);
    expect(mine.map((c) => [c.kind, c.key, c.before, c.after])).toEqual([
      [
        TicketConfigChangeKind.RESPONSIBILITY_REMOVE,
        '520303/DISPUTE',
        { leadDepartmentId: lead, cooperatingDepartmentIds: [] },
        null,
      ],
      [
        TicketConfigChangeKind.RESPONSIBILITY_SET,
        '520303/DISPUTE',
        null,
        { leadDepartmentId: lead, cooperatingDepartmentIds: [] },
      ],
    ]);
    expect(await read(authAs(Role.UNIT_ADMIN, '5204'))).toEqual([]);

    const all = await read(admin);
    expect(new Set(all.map((c) => c.scopeCode))).toEqual(new Set(['', '520303']));
    expect(all.find((c) => c.kind === TicketConfigChangeKind.CATEGORY_DISABLE)).toMatchObject({
      key: 'CITY_MANAGEMENT.ROAD',
      before: { active: true },
      after: { active: false },
    });
    expect(
      (await read(admin, { kind: TicketConfigChangeKind.CALENDAR_DAY_CLEAR })).map((c) => c.key),
    ).toEqual([TUESDAY]);
    const newest = all[0].at;
    expect((await read(admin, { since: newest })).length).toBeGreaterThanOrEqual(1);
    expect(await read(admin, { until: all[all.length - 1].at })).toEqual([]);
    expect(() =>
      new TicketConfigAuditService(dataSource, admin).query({ since: newest, until: newest }),
    ).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: 'filter.until' }) }));

    expect(() =>
      new TicketConfigAuditService(dataSource, authAs(Role.COMMUNITY_STAFF, '520303001001')).query({}),
    ).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
  });
});
