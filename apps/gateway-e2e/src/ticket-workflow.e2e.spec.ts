import { Role } from '@gridgov/platform-auth';
import { startTestGraph, type GraphQLResult, type TestGraph } from '@gridgov/platform-testing';
import { DepartmentEntity, DepartmentKind } from '@gridgov/org-data-access';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { createTicketSubgraph } from '@gridgov/ticket-graphql';
import { signInPeople, type TestPerson } from './testing/sign-in-people';

const GRID = '520303001001001';

const TICKET_FIELDS = 'id status version reworkCount satisfaction owner { id } allowedActions';
const TIMELINE = `query Timeline($id: ID!) {
  ticket(id: $id) {
    ${TICKET_FIELDS}
    dispatches { departmentId role status returnedReason }
    timeline { action fromStatus toStatus note photos actor { id } }
  }
}`;
const mutation = (name: string, inputType: string) =>
  `mutation Step($input: ${inputType}!) { ${name}(input: $input) { ${TICKET_FIELDS} } }`;

// Through the gateway: a COORDINATED ticket from a grid worker's report to close, with a return,
// a failed verification and an unsatisfied rating on the way; an illegal step changes nothing; a
// department handler sees only what was dispatched to their department.
describe('ticket workflow through the gateway', () => {
  let graph: TestGraph;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let ROADS: string;
  let PARKS: string;

  beforeAll(async () => {
    graph = await startTestGraph((s) => [
      createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
      createTicketSubgraph(),
    ]);
    const org = graph.subgraphs['org'].dataSource;
    const department = (name: string) =>
      org
        .getRepository(DepartmentEntity)
        .save({ unitCode: '520303000000', name, kind: DepartmentKind.URBAN_MANAGEMENT })
        .then((d) => d.id);
    ROADS = await department('区城管局');
    PARKS = await department('区园林局');
    const people: TestPerson[] = [
      ['zhuhai.gw', Role.GRID_WORKER, { scopeCode: GRID }],
      ['zhuhai.staff', Role.COMMUNITY_STAFF, { scopeCode: '520303001001' }],
      ['roads.handler', Role.DEPARTMENT_HANDLER, { departmentId: ROADS }],
      ['parks.handler', Role.DEPARTMENT_HANDLER, { departmentId: PARKS }],
      ['district.leader', Role.LEADER, { scopeCode: '520303' }],
    ];
    const signedIn = await signInPeople(graph, people);
    Object.assign(tokens, signedIn.tokens);
    Object.assign(ids, signedIn.accountIds);
  });
  afterAll(() => graph?.stop());

  type Ticket = {
    id: string;
    status: string;
    version: number;
    reworkCount: number;
    satisfaction: string | null;
  };
  const report = async (title: string) => {
    const result = await graph.query<{ reportTicket: { id: string } }>(
      `mutation Report($input: ReportTicketInput!) { reportTicket(input: $input) { id } }`,
      {
        input: {
          gridCode: GRID,
          categoryCode: 'CITY_MANAGEMENT.ROAD',
          mode: 'COORDINATED',
          channel: 'GRID_WORKER',
          title,
          photos: ['https://photos.example/before.jpg'],
        },
      },
      tokens['zhuhai.gw'],
    );
    expect(result.errors).toBeUndefined();
    return result.data!.reportTicket.id;
  };
  const step = async (who: string, name: string, inputType: string, input: Record<string, unknown>) => {
    const result = (await graph.query(mutation(name, inputType), { input }, tokens[who])) as GraphQLResult<
      Record<string, Ticket>
    >;
    return { ticket: result.data?.[name], errors: result.errors };
  };
  const ok = async (who: string, name: string, inputType: string, input: Record<string, unknown>) => {
    const { ticket, errors } = await step(who, name, inputType, input);
    expect(errors).toBeUndefined();
    return ticket!;
  };

  it('walks report → accept → dispatch → return → re-dispatch → resolve → rework → verify → rating → close', async () => {
    const id = await report('人行道地砖破损');
    const accepted = await ok('zhuhai.staff', 'acceptTicket', 'TicketStepInput', { id, expectedVersion: 1 });
    expect(accepted).toMatchObject({ status: 'ACCEPTED', owner: { id: ids['zhuhai.staff'] } });
    await ok('zhuhai.staff', 'dispatchTicket', 'DispatchTicketInput', { id, departmentId: PARKS });
    await ok('parks.handler', 'returnTicket', 'TicketReasonInput', { id, reason: '不属于园林职责' });
    await ok('zhuhai.staff', 'dispatchTicket', 'DispatchTicketInput', {
      id,
      departmentId: ROADS,
      cooperatingDepartmentIds: [PARKS],
    });
    await ok('roads.handler', 'startTicket', 'TicketStepInput', { id });
    const resolve = (note: string) =>
      ok('roads.handler', 'resolveTicket', 'ResolveTicketInput', {
        id,
        note,
        photos: ['https://photos.example/after.jpg'],
      });
    await resolve('已更换地砖');
    const failed = await ok('zhuhai.gw', 'verifyTicket', 'VerifyTicketInput', {
      id,
      passed: false,
      note: '仍有松动',
    });
    expect(failed).toMatchObject({ status: 'REOPENED', reworkCount: 1 });
    await ok('roads.handler', 'startTicket', 'TicketStepInput', { id });
    await resolve('重新铺设');
    await ok('zhuhai.gw', 'verifyTicket', 'VerifyTicketInput', { id, passed: true });
    const unsatisfied = await ok('zhuhai.gw', 'rateTicket', 'RateTicketInput', {
      id,
      satisfaction: 'UNSATISFIED',
    });
    expect(unsatisfied).toMatchObject({ status: 'REOPENED', reworkCount: 2 });
    await ok('roads.handler', 'startTicket', 'TicketStepInput', { id });
    await resolve('补缝');
    await ok('zhuhai.gw', 'verifyTicket', 'VerifyTicketInput', { id, passed: true });
    await ok('zhuhai.gw', 'rateTicket', 'RateTicketInput', { id, satisfaction: 'SATISFIED' });
    const closed = await ok('zhuhai.staff', 'closeTicket', 'TicketStepInput', { id });
    expect(closed).toMatchObject({ status: 'CLOSED', satisfaction: 'SATISFIED', allowedActions: [] });

    const read = await graph.query<{
      ticket: {
        dispatches: unknown[];
        timeline: {
          action: string;
          fromStatus: string | null;
          toStatus: string;
          note: string | null;
          actor: { id: string } | null;
        }[];
      };
    }>(TIMELINE, { id }, tokens['zhuhai.gw']);
    expect(read.errors).toBeUndefined();
    const timeline = read.data!.ticket.timeline;
    expect(timeline.map((e) => `${e.action}:${e.fromStatus}→${e.toStatus}`)).toEqual([
      'REPORT:null→REPORTED',
      'ACCEPT:REPORTED→ACCEPTED',
      'DISPATCH:ACCEPTED→ASSIGNED',
      'RETURN:ASSIGNED→RETURNED',
      'DISPATCH:RETURNED→ASSIGNED',
      'START:ASSIGNED→IN_PROGRESS',
      'RESOLVE:IN_PROGRESS→RESOLVED',
      'VERIFY:RESOLVED→REOPENED',
      'START:REOPENED→IN_PROGRESS',
      'RESOLVE:IN_PROGRESS→RESOLVED',
      'VERIFY:RESOLVED→VERIFIED',
      'RATE:VERIFIED→REOPENED',
      'START:REOPENED→IN_PROGRESS',
      'RESOLVE:IN_PROGRESS→RESOLVED',
      'VERIFY:RESOLVED→VERIFIED',
      'RATE:VERIFIED→VERIFIED',
      'CLOSE:VERIFIED→CLOSED',
    ]);
    expect(timeline[3].note).toBe('不属于园林职责');
    expect(timeline[7].note).toContain('仍有松动');
    // The grid worker may read its own account through org; others come back as ids only or null.
    expect(timeline[0].actor).toEqual({ id: ids['zhuhai.gw'] });
    // The statistics count it: received, closed, satisfied, reworked.
    const stats = await graph.query<{ ticket: { grid: { ticketStats: Record<string, number> } } }>(
      `query($id: ID!, $from: DateTime!, $to: DateTime!) {
        ticket(id: $id) { grid { ticketStats(from: $from, to: $to) { received closed satisfactionRate reworkRate } } }
      }`,
      {
        id,
        from: new Date(Date.now() - 3_600_000).toISOString(),
        to: new Date(Date.now() + 60_000).toISOString(),
      },
      tokens['zhuhai.staff'],
    );
    expect(stats.errors).toBeUndefined();
    expect(stats.data?.ticket.grid.ticketStats).toEqual({
      received: 1,
      closed: 1,
      satisfactionRate: 1,
      reworkRate: 1,
    });
    expect(read.data!.ticket.dispatches).toEqual([
      { departmentId: PARKS, role: 'LEAD', status: 'RETURNED', returnedReason: '不属于园林职责' },
      { departmentId: ROADS, role: 'LEAD', status: 'ACTIVE', returnedReason: null },
      { departmentId: PARKS, role: 'COOPERATING', status: 'ACTIVE', returnedReason: null },
    ]);
  });

  it('answers INVALID_TRANSITION or FORBIDDEN and changes nothing', async () => {
    const id = await report('路灯不亮');
    const illegal = await step('zhuhai.gw', 'verifyTicket', 'VerifyTicketInput', { id, passed: true });
    expect(illegal.errors?.[0]).toMatchObject({
      message: expect.stringContaining('it is REPORTED; allowed: ACCEPT'),
      extensions: { code: 'INVALID_TRANSITION' },
    });
    const wrongActor = await step('zhuhai.gw', 'acceptTicket', 'TicketStepInput', { id });
    expect(wrongActor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const stale = await step('zhuhai.staff', 'acceptTicket', 'TicketStepInput', { id, expectedVersion: 7 });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');

    const read = await graph.query<{ ticket: { status: string; version: number; timeline: unknown[] } }>(
      TIMELINE,
      { id },
      tokens['zhuhai.staff'],
    );
    expect(read.data?.ticket).toMatchObject({ status: 'REPORTED', version: 1 });
    expect(read.data?.ticket.timeline).toHaveLength(1);
  });

  it('lets a leader supervise (督办) a running ticket, which turns RED, and the department reply', async () => {
    const id = await report('道路积水');
    await ok('zhuhai.staff', 'acceptTicket', 'TicketStepInput', { id });
    await ok('zhuhai.staff', 'dispatchTicket', 'DispatchTicketInput', { id, departmentId: ROADS });
    const supervised = await graph.query<{
      superviseTicket: {
        supervisionColor: string;
        clockStage: string;
        deadlineAt: string;
        supervisions: { id: string }[];
      };
    }>(
      `mutation($input: SuperviseTicketInput!) {
        superviseTicket(input: $input) { supervisionColor clockStage deadlineAt supervisions { id } }
      }`,
      { input: { id, opinion: '汛期前务必解决' } },
      tokens['district.leader'],
    );
    expect(supervised.errors).toBeUndefined();
    expect(supervised.data?.superviseTicket).toMatchObject({
      supervisionColor: 'RED',
      clockStage: 'RESOLVE',
    });
    expect(Date.parse(supervised.data!.superviseTicket.deadlineAt)).toBeGreaterThan(Date.now());
    const reply = await graph.query<{ replyToSupervision: { reply: string } }>(
      `mutation($input: ReplyToSupervisionInput!) { replyToSupervision(input: $input) { reply } }`,
      { input: { supervisionId: supervised.data!.superviseTicket.supervisions[0].id, reply: '已安排抽水' } },
      tokens['roads.handler'],
    );
    expect(reply.errors).toBeUndefined();
    expect(reply.data?.replyToSupervision.reply).toBe('已安排抽水');
  });

  it('shows a department handler only tickets dispatched to their department, also as Department.tickets', async () => {
    const id = await report('井盖缺失');
    await ok('zhuhai.staff', 'acceptTicket', 'TicketStepInput', { id });
    await ok('zhuhai.staff', 'dispatchTicket', 'DispatchTicketInput', { id, departmentId: ROADS });
    const undispatched = await report('树枝遮挡路灯');

    const own = await graph.query<{ ticket: { status: string } }>(TIMELINE, { id }, tokens['roads.handler']);
    expect(own.errors).toBeUndefined();
    expect(own.data?.ticket.status).toBe('ASSIGNED');
    for (const [who, ticketId] of [
      ['roads.handler', undispatched],
      ['parks.handler', id],
    ]) {
      const denied = await graph.query(TIMELINE, { id: ticketId }, tokens[who]);
      expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const gridList = await graph.query(
      `query { tickets(gridCode: "${GRID}", first: 5) { totalCount } }`,
      {},
      tokens['roads.handler'],
    );
    expect(gridList.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const departmentTickets = `query($id: ID!) {
      department(id: $id) { id tickets(first: 10) { totalCount edges { node { id } } } }
    }`;
    const listed = await graph.query<{ department: { tickets: { edges: { node: { id: string } }[] } } }>(
      departmentTickets,
      { id: ROADS },
      tokens['roads.handler'],
    );
    expect(listed.errors).toBeUndefined();
    const listedIds = listed.data!.department.tickets.edges.map((e) => e.node.id);
    // Newest first: this ticket, then the earlier scenarios' (also dispatched to ROADS); never the undispatched one.
    expect(listedIds).toHaveLength(3);
    expect(listedIds[0]).toBe(id);
    expect(listedIds).not.toContain(undispatched);
    const foreign = await graph.query(departmentTickets, { id: ROADS }, tokens['parks.handler']);
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
