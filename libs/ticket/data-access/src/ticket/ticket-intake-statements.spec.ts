import type { DataSource } from 'typeorm';
import { Role } from '@gridgov/platform-auth';
import { countStatements } from '@gridgov/platform-testing';
import { authAs, openTicketTestDatabase } from '../testing/ticket-test-database';
import { NOTIFY_LEADERS, TicketOutboxEntity } from '../workflow/ticket-outbox.entity';
import { TicketEventEntity } from './ticket-event.entity';
import { TicketEntity } from './ticket.entity';
import { TicketChannel, TicketMode } from './ticket.enums';
import type { ReportTicketInput } from './ticket-input';
import { TicketService } from './ticket.service';
import { intakeConfig } from './ticket-intake-config';
import { nextClock } from '../sla/ticket-clock';
import { ClockChange } from '../workflow/ticket-transitions';

const GRID = '520303001001001';
const report: ReportTicketInput = {
  gridCode: GRID,
  categoryCode: 'CITY_MANAGEMENT.ROAD',
  channel: TicketChannel.GRID_WORKER,
  title: '人行道地砖破损',
  location: { longitude: 106.9351, latitude: 27.7062 },
};

// What a report costs the database, pinned: one statement (ticket, timeline entry, outbox rows,
// SLA clock) once the intake config is cached; a config change costs one reload, never a stale clock.
describe('TicketService: statements per report (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  let dataSource: DataSource;
  let service: TicketService;
  beforeAll(async () => {
    db = await openTicketTestDatabase();
    dataSource = db.dataSource;
    service = new TicketService(dataSource, authAs(Role.GRID_WORKER, GRID));
    await service.report(report); // loads the intake config
  });
  afterAll(() => db?.close());

  it('writes an ordinary report, and an EMERGENCY one with its leaders notification, in one statement each', async () => {
    const statements = countStatements(dataSource);
    const ordinary = await service.report(report);
    expect(statements.count).toBe(1);
    statements.reset();
    const emergency = await service.report({ ...report, categoryCode: 'SAFETY_PRODUCTION.GAS' });
    expect(statements.count).toBe(1);

    for (const [ticket, kinds] of [
      [ordinary, ['START_ACCEPT']],
      [emergency, ['START_ACCEPT', NOTIFY_LEADERS]],
    ] as const) {
      const [event] = await dataSource.getRepository(TicketEventEntity).findBy({ ticketId: ticket.id });
      const outbox = await dataSource
        .getRepository(TicketOutboxEntity)
        .find({ where: { ticketId: ticket.id }, order: { id: 'ASC' } });
      expect(outbox.map((r) => [r.kind, r.payload.ticketId, r.payload.eventId])).toEqual(
        kinds.map((kind) => [kind, ticket.id, event.id]),
      );
      expect(await dataSource.getRepository(TicketEntity).findOneByOrFail({ id: ticket.id })).toEqual(ticket);
    }
    expect(emergency).toMatchObject({
      mode: TicketMode.EMERGENCY,
      handlingUnitCode: '520303',
      clockStage: 'ACCEPT',
    });
  });

  it('reloads the cached SLA policy and catalogue after a change, whoever made it', async () => {
    const before = await service.report(report);
    // Changed behind the service's back (as psql would): the trigger bumps the config version.
    await dataSource.query(
      `UPDATE sla_policy SET accept_amount = accept_amount * 2, accept_unit = 'MINUTES'
        WHERE mode = 'COORDINATED' AND unit_level = 'COMMUNITY' AND category_prefix = ''`,
    );
    const statements = countStatements(dataSource);
    const after = await service.report(report);
    // The insert finds its version stale and writes nothing, the config is reloaded, the insert retried.
    expect(statements.count).toBe(3);
    const [{ amount }] = (await dataSource.query(
      `SELECT accept_amount AS amount FROM sla_policy
        WHERE mode = 'COORDINATED' AND unit_level = 'COMMUNITY' AND category_prefix = ''`,
    )) as { amount: number }[];
    const span = (t: TicketEntity) => Number(t.deadlineAt) - Number(t.clockStartedAt);
    expect(span(after)).toBe(amount * 60_000);
    expect(span(after)).not.toBe(span(before));
    expect(await dataSource.getRepository(TicketEntity).countBy({ title: report.title })).toBe(5);

    await dataSource.query(`UPDATE ticket_category SET active = false WHERE code = 'CITY_MANAGEMENT.ROAD'`);
    await expect(service.report(report)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.categoryCode' },
    });
    await dataSource.query(`UPDATE ticket_category SET active = true WHERE code = 'CITY_MANAGEMENT.ROAD'`);
    await expect(service.report(report)).resolves.toMatchObject({ categoryCode: 'CITY_MANAGEMENT.ROAD' });
  });

  it('starts the same clock from the cached config as from the database, for every category, mode and level', async () => {
    const config = await intakeConfig(dataSource.manager);
    const codes = (await dataSource.query(`SELECT code FROM ticket_category`)) as { code: string }[];
    const now = new Date('2026-09-30T09:00:00+08:00'); // before the National Day holidays: working days matter
    let compared = 0;
    for (const { code } of codes)
      for (const mode of Object.values(TicketMode))
        for (const handlingUnitCode of ['520303001001', '520303001', '520303'])
          for (const change of [
            ClockChange.START_ACCEPT,
            ClockChange.START_RESOLVE,
            ClockChange.START_VERIFY,
          ]) {
            const ticket = { categoryCode: code, mode, handlingUnitCode };
            expect(await nextClock(config, ticket, change, now)).toEqual(
              await nextClock(dataSource.manager, ticket, change, now),
            );
            compared++;
          }
    expect(compared).toBeGreaterThan(100);
  });
});
