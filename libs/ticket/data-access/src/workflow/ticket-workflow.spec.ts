import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { type AuthContext, Role } from '@gridgov/platform-auth';
import { authAs, authAsHandler, openTicketTestDatabase } from '../testing/ticket-test-database';
import { TicketEntity } from '../ticket/ticket.entity';
import { TicketEventEntity } from '../ticket/ticket-event.entity';
import { Satisfaction, TicketAction, TicketChannel, TicketMode, TicketStatus } from '../ticket/ticket.enums';
import { TicketService } from '../ticket/ticket.service';
import { TicketDispatchEntity } from './ticket-dispatch.entity';
import { TicketOutboxEntity } from './ticket-outbox.entity';
import type { WorkflowAction } from './ticket-transitions';
import { type TicketStepInput, TicketWorkflowService } from './ticket-workflow.service';

const GRID = '520303001001001';
const COMMUNITY = '520303001001';
const ROADS = randomUUID();
const PARKS = randomUUID();

// The workflow service walks a COORDINATED ticket through the whole life cycle, refuses illegal
// steps and wrong actors without changing anything, and moves escalated tickets up the unit tree.
describe('TicketWorkflowService (real database)', () => {
  let db: Awaited<ReturnType<typeof openTicketTestDatabase>>;
  let dataSource: DataSource;
  const worker = authAs(Role.GRID_WORKER, GRID);
  const staff = authAs(Role.COMMUNITY_STAFF, COMMUNITY);
  const roads = authAsHandler(ROADS);
  const parks = authAsHandler(PARKS);

  beforeAll(async () => {
    db = await openTicketTestDatabase();
    dataSource = db.dataSource;
  });
  afterAll(() => db?.close());

  const report = (auth: AuthContext = worker) =>
    new TicketService(dataSource, auth).report({
      gridCode: GRID,
      categoryCode: 'CITY_MANAGEMENT.ROAD',
      mode: TicketMode.COORDINATED,
      channel: TicketChannel.GRID_WORKER,
      title: '人行道地砖破损',
    });
  const step = (auth: AuthContext, id: string, action: WorkflowAction, input: TicketStepInput = {}) =>
    new TicketWorkflowService(dataSource, auth).apply(id, action, input);
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'OK',
      (e: { extensions?: { code?: string } }) => e.extensions?.code,
    );

  it('walks report → accept → dispatch → return → re-dispatch → resolve → rework → verify → rating → close', async () => {
    const { id } = await report();
    const accepted = await step(staff, id, TicketAction.ACCEPT);
    expect(accepted).toMatchObject({
      status: TicketStatus.ACCEPTED,
      ownerAccountId: staff.accountId,
      version: 2,
    });
    await step(staff, id, TicketAction.DISPATCH, { departmentId: PARKS });
    await step(parks, id, TicketAction.RETURN, { reason: '不属于园林职责' });
    await step(staff, id, TicketAction.DISPATCH, { departmentId: ROADS, cooperatingDepartmentIds: [PARKS] });
    await expect(codeOf(step(parks, id, TicketAction.RETURN, { reason: '配合单位不能退回' }))).resolves.toBe(
      'FORBIDDEN',
    );
    await step(roads, id, TicketAction.START);
    await step(roads, id, TicketAction.RESOLVE, {
      note: '已更换地砖',
      photos: ['https://photos.example/after.jpg'],
    });
    await step(worker, id, TicketAction.VERIFY, { passed: false, note: '仍有松动' });
    await step(roads, id, TicketAction.START);
    await step(roads, id, TicketAction.RESOLVE, { note: '重新铺设' });
    await step(worker, id, TicketAction.VERIFY, { passed: true });
    await step(worker, id, TicketAction.RATE, { satisfaction: Satisfaction.UNSATISFIED });
    await step(roads, id, TicketAction.START);
    await step(roads, id, TicketAction.RESOLVE, { note: '补缝' });
    await step(worker, id, TicketAction.VERIFY, { passed: true });
    await step(worker, id, TicketAction.RATE, { satisfaction: Satisfaction.SATISFIED });
    const closed = await step(staff, id, TicketAction.CLOSE);

    expect(closed).toMatchObject({
      status: TicketStatus.CLOSED,
      satisfaction: Satisfaction.SATISFIED,
      reworkCount: 2,
      ownerAccountId: staff.accountId,
    });
    const [timeline] = await new TicketService(dataSource, staff).timelines([id]);
    expect(timeline.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['REPORT', null, 'REPORTED'],
      ['ACCEPT', 'REPORTED', 'ACCEPTED'],
      ['DISPATCH', 'ACCEPTED', 'ASSIGNED'],
      ['RETURN', 'ASSIGNED', 'RETURNED'],
      ['DISPATCH', 'RETURNED', 'ASSIGNED'],
      ['START', 'ASSIGNED', 'IN_PROGRESS'],
      ['RESOLVE', 'IN_PROGRESS', 'RESOLVED'],
      ['VERIFY', 'RESOLVED', 'REOPENED'],
      ['START', 'REOPENED', 'IN_PROGRESS'],
      ['RESOLVE', 'IN_PROGRESS', 'RESOLVED'],
      ['VERIFY', 'RESOLVED', 'VERIFIED'],
      ['RATE', 'VERIFIED', 'REOPENED'],
      ['START', 'REOPENED', 'IN_PROGRESS'],
      ['RESOLVE', 'IN_PROGRESS', 'RESOLVED'],
      ['VERIFY', 'RESOLVED', 'VERIFIED'],
      ['RATE', 'VERIFIED', 'VERIFIED'],
      ['CLOSE', 'VERIFIED', 'CLOSED'],
    ]);
    expect(timeline[3]).toMatchObject({ actorId: parks.accountId, note: '不属于园林职责' });
    expect(timeline[6]).toMatchObject({ note: '已更换地砖', photos: ['https://photos.example/after.jpg'] });
    // Each clock change wrote one outbox row with the SLA version its timers belong to.
    const outbox = await dataSource
      .getRepository(TicketOutboxEntity)
      .find({ where: { ticketId: id }, order: { id: 'ASC' } });
    expect(outbox.map((o) => `${o.kind}@${o.slaVersion}`)).toEqual([
      'START_ACCEPT@1',
      'START_RESOLVE@2',
      'START_VERIFY@3',
      'START_RESOLVE@4',
      'START_VERIFY@5',
      'STOP@5',
      'START_RESOLVE@6',
      'START_VERIFY@7',
      'STOP@7',
      'STOP@7',
    ]);
    expect(outbox.every((o) => o.processedAt === null && o.payload.ticketId === id)).toBe(true);
    const dispatches = await dataSource.getRepository(TicketDispatchEntity).find({
      where: { ticketId: id },
      order: { dispatchedAt: 'ASC', role: 'DESC' },
    });
    expect(dispatches.map((d) => [d.departmentId, d.role, d.status, d.returnedReason])).toEqual([
      [PARKS, 'LEAD', 'RETURNED', '不属于园林职责'],
      [ROADS, 'LEAD', 'ACTIVE', null],
      [PARKS, 'COOPERATING', 'ACTIVE', null],
    ]);
  });

  it('refuses an illegal step with INVALID_TRANSITION naming the allowed actions, changing nothing', async () => {
    const { id } = await report();
    const error = await step(worker, id, TicketAction.VERIFY, { passed: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      message: expect.stringContaining('it is REPORTED; allowed: ACCEPT, ESCALATE, REJECT, MERGE'),
      extensions: { code: 'INVALID_TRANSITION', status: 'REPORTED' },
    });
    const stored = await dataSource.getRepository(TicketEntity).findOneByOrFail({ id });
    expect(stored).toMatchObject({ status: TicketStatus.REPORTED, version: 1 });
    expect(await dataSource.getRepository(TicketEventEntity).countBy({ ticketId: id })).toBe(1);
  });

  it('answers FORBIDDEN to the wrong actor and changes nothing', async () => {
    const { id } = await report();
    const otherCommunity = authAs(Role.COMMUNITY_STAFF, '520303001002');
    await expect(codeOf(step(otherCommunity, id, TicketAction.ACCEPT))).resolves.toBe('FORBIDDEN');
    await expect(codeOf(step(worker, id, TicketAction.ACCEPT))).resolves.toBe('FORBIDDEN');
    await step(staff, id, TicketAction.ACCEPT);
    await step(staff, id, TicketAction.DISPATCH, { departmentId: ROADS });
    // A handler of another department neither sees nor resolves it; the reporter alone rates.
    await expect(codeOf(step(parks, id, TicketAction.RESOLVE, { note: 'x' }))).resolves.toBe('FORBIDDEN');
    await expect(codeOf(new TicketService(dataSource, parks).get(id))).resolves.toBe('FORBIDDEN');
    await expect(codeOf(new TicketService(dataSource, roads).get(id))).resolves.toBe('OK');
    const stored = await dataSource.getRepository(TicketEntity).findOneByOrFail({ id });
    expect(stored).toMatchObject({ status: TicketStatus.ASSIGNED, version: 3 });
    expect(await dataSource.getRepository(TicketEventEntity).countBy({ ticketId: id })).toBe(3);
  });

  it('checks step input by field (BAD_USER_INPUT) before anything is read', async () => {
    const { id } = await report();
    await step(staff, id, TicketAction.ACCEPT);
    await expect(step(staff, id, TicketAction.DISPATCH, {})).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.departmentId' },
    });
    await expect(
      step(staff, id, TicketAction.DISPATCH, { departmentId: ROADS, assigneeAccountId: worker.accountId }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.assigneeAccountId' } });
  });

  it('escalates to the street, whose staff then accept; the first acceptor stays the owner', async () => {
    const { id } = await report();
    await step(staff, id, TicketAction.ACCEPT);
    const escalated = await step(staff, id, TicketAction.ESCALATE, { reason: '需街道协调' });
    expect(escalated).toMatchObject({ status: TicketStatus.ESCALATED, handlingUnitCode: '520303001' });
    // Community staff no longer handle it; street staff do.
    await expect(codeOf(step(staff, id, TicketAction.ACCEPT))).resolves.toBe('FORBIDDEN');
    const street = authAs(Role.COMMUNITY_STAFF, '520303001');
    const accepted = await step(street, id, TicketAction.ACCEPT);
    expect(accepted).toMatchObject({ status: TicketStatus.ACCEPTED, ownerAccountId: staff.accountId });
  });

  it('suspends with reason and approver and resumes to where it was; dispatches to a grid worker', async () => {
    const { id } = await report();
    await step(staff, id, TicketAction.ACCEPT);
    await step(staff, id, TicketAction.DISPATCH, { assigneeAccountId: worker.accountId });
    await step(worker, id, TicketAction.START);
    await expect(codeOf(step(staff, id, TicketAction.SUSPEND, { reason: '等待汛期结束' }))).resolves.toBe(
      'BAD_USER_INPUT',
    );
    await step(staff, id, TicketAction.SUSPEND, { reason: '等待汛期结束', approverAccountId: randomUUID() });
    const resumed = await step(staff, id, TicketAction.RESUME);
    expect(resumed).toMatchObject({ status: TicketStatus.IN_PROGRESS, suspendedFrom: null });
    const clock = await dataSource
      .getRepository(TicketOutboxEntity)
      .find({ where: { ticketId: id }, order: { id: 'ASC' } });
    expect(clock.map((o) => o.kind)).toEqual(['START_ACCEPT', 'START_RESOLVE', 'PAUSE', 'RESUME']);
    await expect(step(worker, id, TicketAction.RESOLVE, { note: '已处理' })).resolves.toMatchObject({
      status: TicketStatus.RESOLVED,
    });
  });

  it('merges a duplicate into an open ticket of the same category only', async () => {
    const first = await report();
    const second = await report();
    await expect(
      codeOf(step(staff, second.id, TicketAction.MERGE, { mergeIntoId: second.id })),
    ).resolves.toBe('BAD_USER_INPUT');
    const merged = await step(staff, second.id, TicketAction.MERGE, { mergeIntoId: first.id });
    expect(merged).toMatchObject({ status: TicketStatus.MERGED, mergedIntoId: first.id });
    const rejected = await step(staff, first.id, TicketAction.REJECT, { reason: '重复上报' });
    expect(rejected.status).toBe(TicketStatus.REJECTED);
  });

  it('sends an EMERGENCY ticket straight to the district, whose staff accept it', async () => {
    const { id, handlingUnitCode } = await new TicketService(dataSource, worker).report({
      gridCode: GRID,
      categoryCode: 'SAFETY_PRODUCTION.FIRE',
      mode: TicketMode.EMERGENCY,
      channel: TicketChannel.GRID_WORKER,
      title: '楼道起火',
    });
    expect(handlingUnitCode).toBe('520303');
    await expect(codeOf(step(staff, id, TicketAction.ACCEPT))).resolves.toBe('FORBIDDEN');
    const accepted = await step(authAs(Role.COMMUNITY_STAFF, '520303'), id, TicketAction.ACCEPT);
    expect(accepted.status).toBe(TicketStatus.ACCEPTED);
  });
});
