import type { DataSource } from 'typeorm';
import { Role } from '@gridgov/platform-auth';
import { authAs, openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketEntity } from './ticket.entity';
import { TicketChannel, TicketMode, TicketStatus } from './ticket.enums';
import type { ReportTicketInput } from './ticket-input';
import { NOTIFY_LEADERS, TicketOutboxEntity } from '../workflow/ticket-outbox.entity';
import { TicketService } from './ticket.service';

const GRID = '520303001001001';
const report: ReportTicketInput = {
  gridCode: GRID,
  categoryCode: 'CITY_MANAGEMENT.ROAD',
  mode: TicketMode.COORDINATED,
  channel: TicketChannel.GRID_WORKER,
  title: '人行道地砖破损',
  description: '3号楼前',
  location: { longitude: 106.9351, latitude: 27.7062 },
  photos: ['https://photos.example/1.jpg'],
};

// Reporting a ticket writes it and its first timeline entry together, within the reporter's scope only.
describe('TicketService: reporting (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await openTicketTestDatabase();
    dataSource = db.dataSource;
  });
  afterAll(() => db?.close());

  it('writes a REPORTED ticket with a number, the community code and the report as first timeline entry', async () => {
    const auth = authAs(Role.GRID_WORKER, GRID);
    const service = new TicketService(dataSource, auth);
    const ticket = await service.report(report);

    expect(ticket.number).toMatch(/^T\d{4}-\d{6,}$/);
    const stored = await dataSource.getRepository(TicketEntity).findOneByOrFail({ id: ticket.id });
    expect(stored).toMatchObject({
      gridCode: GRID,
      adminUnitCode: '520303001001',
      status: TicketStatus.REPORTED,
      supervisionColor: 'GREEN',
      version: 1,
      reporterId: auth.accountId,
      longitude: 106.9351,
      latitude: 27.7062,
      photos: ['https://photos.example/1.jpg'],
    });
    const [timeline] = await service.timelines([ticket.id]);
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({
      actorId: auth.accountId,
      fromStatus: null,
      toStatus: TicketStatus.REPORTED,
    });
    expect(timeline[0].at.getTime()).toBe(stored.reportedAt.getTime());
  });

  it('routes an EMERGENCY ticket to the district and asks, in the same transaction, to notify its leaders', async () => {
    const service = new TicketService(dataSource, authAs(Role.GRID_WORKER, GRID));
    const emergency = await service.report({ ...report, categoryCode: 'SAFETY_PRODUCTION.GAS', mode: null });
    expect(emergency).toMatchObject({ mode: TicketMode.EMERGENCY, handlingUnitCode: '520303' });
    const rows = await dataSource.getRepository(TicketOutboxEntity).findBy({ ticketId: emergency.id });
    expect(rows.find((r) => r.kind === NOTIFY_LEADERS)?.payload.notification).toEqual({
      notificationId: `ticket.${emergency.id}.EMERGENCY`,
      template: 'TICKET_EMERGENCY',
      recipients: { leadersOfUnitCode: '520303' },
      params: { ticketNumber: emergency.number, categoryCode: 'SAFETY_PRODUCTION.GAS', gridCode: GRID },
      link: `ticket:${emergency.id}`,
      channels: ['INBOX', 'SMS'],
    });
    const ordinary = await service.report(report);
    const kinds = (await dataSource.getRepository(TicketOutboxEntity).findBy({ ticketId: ordinary.id })).map(
      (r) => r.kind,
    );
    expect(kinds).toEqual(['START_ACCEPT']);
  });

  it('gives consecutive tickets distinct numbers', async () => {
    const service = new TicketService(dataSource, authAs(Role.GRID_WORKER, GRID));
    const [a, b] = [await service.report(report), await service.report(report)];
    expect(a.number).not.toBe(b.number);
  });

  it('starts an ONSITE ticket reported resolved as RESOLVED, but only for someone who may resolve', async () => {
    const onsite = { ...report, mode: TicketMode.ONSITE, resolvedOnSite: true };
    const worker = new TicketService(dataSource, authAs(Role.GRID_WORKER, GRID));
    const ticket = await worker.report(onsite);
    expect(ticket.status).toBe(TicketStatus.RESOLVED);
    expect((await worker.timelines([ticket.id]))[0][0]).toMatchObject({
      fromStatus: null,
      toStatus: TicketStatus.RESOLVED,
    });

    const helper = new TicketService(dataSource, authAs(Role.GRID_HELPER, GRID));
    await expect(helper.report(onsite)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('refuses a report outside the reporter’s scope and writes nothing', async () => {
    const before = await dataSource.getRepository(TicketEntity).count();
    const otherCommunity = new TicketService(dataSource, authAs(Role.GRID_WORKER, '520303001002001'));
    await expect(otherCommunity.report(report)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await dataSource.getRepository(TicketEntity).count()).toBe(before);
  });

  it('reads a ticket in scope, refuses one outside it, and hides it from reference lookups', async () => {
    const ticket = await new TicketService(dataSource, authAs(Role.GRID_WORKER, GRID)).report(report);
    const street = new TicketService(dataSource, authAs(Role.COMMUNITY_STAFF, '520303001'));
    expect((await street.get(ticket.id)).id).toBe(ticket.id);

    const outsider = new TicketService(dataSource, authAs(Role.GRID_WORKER, '520303001002001'));
    await expect(outsider.get(ticket.id)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await outsider.findVisibleByIds([ticket.id, 'not-a-uuid'])).toEqual([null, null]);
    expect((await street.findVisibleByIds([ticket.id]))[0]?.id).toBe(ticket.id);
  });

  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const service = new TicketService(dataSource, authAs(Role.PLATFORM_ADMIN, ''));
    await expect(service.get('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    await expect(service.get('42')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'id' },
    });
  });

  it('offers open tickets of the same category within 100 m as likely duplicates', async () => {
    const service = new TicketService(dataSource, authAs(Role.GRID_WORKER, GRID));
    const first = await service.report({ ...report, location: { longitude: 106.9, latitude: 27.7 } });
    // ~55 m north: a duplicate; ~330 m east and another category: not.
    const near = await service.report({ ...report, location: { longitude: 106.9, latitude: 27.7005 } });
    await service.report({ ...report, location: { longitude: 106.9033, latitude: 27.7 } });
    await service.report({
      ...report,
      categoryCode: 'CITY_MANAGEMENT.STREET_LIGHT',
      location: { longitude: 106.9, latitude: 27.7 },
    });
    expect((await service.likelyDuplicates(near)).map((t) => t.id)).toEqual([first.id]);
  });
});
