import type { DataSource } from 'typeorm';
import { type AuthContext, Role } from '@gridgov/platform-auth';
import { authAs, openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketAction, TicketChannel, TicketMode, TicketStatus } from '../ticket/ticket.enums';
import { TicketService } from '../ticket/ticket.service';
import { TicketOutboxEntity } from './ticket-outbox.entity';
import { allowedActions, type WorkflowAction } from './ticket-transitions';
import { TicketWorkflowService } from './ticket-workflow.service';

const GRID = '520303001001001';

// 代办: a PROXY ticket climbs the unit tree one approval at a time (community → street → district),
// can be sent back down with a reason, and is accepted by the district's approval; only the unit
// holding it may act, and the steps of other modes do not apply.
describe('PROXY approval chain (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  let dataSource: DataSource;
  const community = authAs(Role.COMMUNITY_STAFF, '520303001001');
  const street = authAs(Role.COMMUNITY_STAFF, '520303001');
  const district = authAs(Role.COMMUNITY_STAFF, '520303');
  beforeAll(async () => {
    db = await openTicketTestDatabase();
    dataSource = db.dataSource;
  });
  afterAll(() => db?.close());

  const report = (categoryCode: string) =>
    new TicketService(dataSource, authAs(Role.GRID_WORKER, GRID)).report({
      gridCode: GRID,
      categoryCode,
      channel: TicketChannel.WINDOW,
      title: '代办低保申请',
    });
  const step = (auth: AuthContext, id: string, action: WorkflowAction, input = {}) =>
    new TicketWorkflowService(dataSource, auth).apply(id, action, input);
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'OK',
      (e: { extensions?: { code?: string } }) => e.extensions?.code,
    );

  it('goes up level by level, comes back down when returned, and is accepted at the district', async () => {
    const ticket = await report('PROXY_SERVICE.SOCIAL_ASSISTANCE');
    expect(ticket.mode).toBe(TicketMode.PROXY);
    expect(allowedActions(ticket)).toEqual([
      TicketAction.REJECT,
      TicketAction.MERGE,
      TicketAction.APPROVE,
      TicketAction.SEND_BACK,
    ]);
    await expect(codeOf(step(community, ticket.id, TicketAction.ACCEPT))).resolves.toBe('INVALID_TRANSITION');

    const atStreet = await step(community, ticket.id, TicketAction.APPROVE);
    expect(atStreet).toMatchObject({
      status: TicketStatus.ESCALATED,
      handlingUnitCode: '520303001',
      ownerAccountId: community.accountId,
      clockStage: 'ACCEPT',
    });
    // The community no longer holds it.
    await expect(codeOf(step(community, ticket.id, TicketAction.APPROVE))).resolves.toBe('FORBIDDEN');
    await step(street, ticket.id, TicketAction.APPROVE);
    await expect(codeOf(step(district, ticket.id, TicketAction.SEND_BACK))).resolves.toBe('BAD_USER_INPUT');
    const back = await step(district, ticket.id, TicketAction.SEND_BACK, { reason: '缺少收入证明' });
    expect(back).toMatchObject({ status: TicketStatus.RETURNED, handlingUnitCode: '520303001' });
    expect(back.slaVersion).toBeGreaterThan(atStreet.slaVersion + 1);
    await step(street, ticket.id, TicketAction.APPROVE, { note: '已补充收入证明' });
    const approved = await step(district, ticket.id, TicketAction.APPROVE);
    expect(approved).toMatchObject({
      status: TicketStatus.ACCEPTED,
      handlingUnitCode: '520303',
      ownerAccountId: community.accountId,
      clockStage: 'RESOLVE',
    });
    expect(allowedActions(approved)).toContain(TicketAction.DISPATCH);

    const [timeline] = await new TicketService(dataSource, district).timelines([ticket.id]);
    expect(timeline.map((e) => [e.action, e.toStatus, e.note])).toEqual([
      [TicketAction.REPORT, TicketStatus.REPORTED, null],
      [TicketAction.APPROVE, TicketStatus.ESCALATED, 'Approved at 520303001001, passed up to 520303001'],
      [TicketAction.APPROVE, TicketStatus.ESCALATED, 'Approved at 520303001, passed up to 520303'],
      [TicketAction.SEND_BACK, TicketStatus.RETURNED, '缺少收入证明 · Sent back to 520303001'],
      [
        TicketAction.APPROVE,
        TicketStatus.ESCALATED,
        'Approved at 520303001, passed up to 520303 · 已补充收入证明',
      ],
      [TicketAction.APPROVE, TicketStatus.ACCEPTED, 'Approved at 520303: final approval'],
    ]);
    expect(timeline.map((e) => e.actorId)).toEqual([
      ticket.reporterId,
      community.accountId,
      street.accountId,
      district.accountId,
      street.accountId,
      district.accountId,
    ]);
    const kinds = (
      await dataSource
        .getRepository(TicketOutboxEntity)
        .find({ where: { ticketId: ticket.id }, order: { id: 'ASC' } })
    ).map((r) => r.kind);
    expect(kinds).toEqual([
      'START_ACCEPT',
      'START_ACCEPT',
      'START_ACCEPT',
      'START_ACCEPT',
      'START_ACCEPT',
      'START_RESOLVE',
    ]);
  });

  it('lets the community send a PROXY request back to the applicant, and refuses approval steps for other modes', async () => {
    const proxy = await report('PROXY_SERVICE.SOCIAL_ASSISTANCE');
    await expect(
      step(community, proxy.id, TicketAction.SEND_BACK, { reason: '材料不全' }),
    ).resolves.toMatchObject({
      status: TicketStatus.RETURNED,
      handlingUnitCode: '520303001001',
    });
    // Not approved yet: no dispatching around the chain.
    await expect(
      codeOf(step(community, proxy.id, TicketAction.DISPATCH, { assigneeAccountId: community.accountId })),
    ).resolves.toBe('INVALID_TRANSITION');
    const coordinated = await report('CITY_MANAGEMENT.ROAD');
    await expect(codeOf(step(community, coordinated.id, TicketAction.APPROVE))).resolves.toBe(
      'INVALID_TRANSITION',
    );
  });
});
