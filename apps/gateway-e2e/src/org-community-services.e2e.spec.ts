import { randomUUID } from 'node:crypto';
import { AuthContext } from '@gridgov/platform-auth';
import { AccountService, NotificationService } from '@gridgov/org-data-access';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { startTestGraph, type GraphQLResult, type TestGraph } from '@gridgov/platform-testing';

// Public service guides, residents' council, co-building and the inbox, through the gateway.
describe('community services, council, co-building and inbox', () => {
  let graph: TestGraph;
  let admin: string;
  let adminId: string;
  const run = async <T>(
    token: string | undefined,
    query: string,
    variables: Record<string, unknown> = {},
  ) => {
    const result = await graph.query<T>(query, variables, token);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };
  const problem = (result: GraphQLResult<unknown>) => ({
    code: result.errors?.[0].extensions?.['code'],
    field: result.errors?.[0].extensions?.['field'],
  });

  beforeAll(async () => {
    graph = await startTestGraph((s) => [
      createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
    ]);
    await AccountService.ensureInitialAdmin(graph.subgraphs['org'].dataSource, 'admin', 'correct horse');
    const login = await run<{ login: { token: string; account: { id: string } } }>(
      undefined,
      `mutation { login(username: "admin", password: "correct horse") { token account { id } } }`,
    );
    admin = login.login.token;
    adminId = login.login.account.id;
    for (const [code, name, parentCode] of [
      ['520300000000', '遵义市', null],
      ['520303000000', '汇川区', '520300000000'],
      ['520303001000', '上海路街道', '520303000000'],
      ['520303001001', '珠海路社区', '520303001000'],
    ]) {
      await run(admin, `mutation($input: CreateAdminUnitInput!) { createAdminUnit(input: $input) { id } }`, {
        input: { code, name, parentCode },
      });
    }
  });
  afterAll(() => graph?.stop());

  it('lets anyone, signed in or not, read service centres and a community’s doorstep items', async () => {
    await run(
      admin,
      `mutation($input: CreateServiceCenterInput!) { createServiceCenter(input: $input) { id } }`,
      {
        input: {
          unitCode: '520303001001',
          kind: 'COMMUNITY_STATION',
          name: '珠海路社区党员群众综合服务站',
          address: '珠海路88号',
          openingHours: '周一至周五 8:30-17:30',
          extendedHours: '周六 9:00-12:00（错时延时）',
          windows: 3,
          staffOnDuty: ['张三', '李四'],
        },
      },
    );
    const item = (unitCode: string, name: string, doorstep: boolean) =>
      run(admin, `mutation($input: CreateServiceItemInput!) { createServiceItem(input: $input) { id } }`, {
        input: {
          unitCode,
          name,
          categoryCode: 'SOC-01',
          eligibility: '本辖区户籍居民',
          materials: ['身份证', '户口簿'],
          timeLimitDays: 5,
          fee: '免费',
          channel: 'BOTH',
          proxyAllowed: true,
          doorstep,
        },
      });
    await item('520303000000', '高龄津贴申请', true);
    await item('520303001001', '居住证明开具', true);
    await item('520303001001', '场地预约', false);

    const data = await run<{ serviceCenters: unknown[]; serviceItems: { name: string }[] }>(
      undefined,
      `{ serviceCenters(unitCode: "520303001000") { name extendedHours windows staffOnDuty }
         serviceItems(unitCode: "520303001001", doorstepOnly: true) { name unitCode proxyAllowed } }`,
    );
    expect(data.serviceCenters).toEqual([
      {
        name: '珠海路社区党员群众综合服务站',
        extendedHours: '周六 9:00-12:00（错时延时）',
        windows: 3,
        staffOnDuty: ['张三', '李四'],
      },
    ]);
    expect(data.serviceItems).toEqual([
      { name: '居住证明开具', unitCode: '520303001001', proxyAllowed: true },
      { name: '高龄津贴申请', unitCode: '520303000000', proxyAllowed: true },
    ]);
    const anonymousWrite = await graph.query(
      `mutation { createServiceCenter(input: { unitCode: "520303001001", kind: SERVICE_POINT, name: "x点", address: "某处", openingHours: "全天" }) { id } }`,
    );
    expect(problem(anonymousWrite).code).toBe('UNAUTHENTICATED');
  });

  it('runs a residents’ council meeting with a topic from a ticket, a voted decision and published results', async () => {
    const ticketId = randomUUID();
    const meeting = await run<{ createCouncilMeeting: { id: string } }>(
      admin,
      `mutation { createCouncilMeeting(input: { unitCode: "520303001001", kind: DECISION, title: "加装电梯议事会", heldOn: "2026-11-05", participants: ["居民代表甲", "居民代表乙"] }) { id } }`,
    );
    const meetingId = meeting.createCouncilMeeting.id;
    const topic = await run<{ addCouncilTopic: { id: string } }>(
      admin,
      `mutation($m: ID!, $t: ID) { addCouncilTopic(input: { meetingId: $m, title: "3栋加装电梯", ticketId: $t }) { id } }`,
      { m: meetingId, t: ticketId },
    );
    await run(
      admin,
      `mutation($id: ID!) { decideCouncilTopic(input: { topicId: $id, decision: "同意加装", votesFor: 15, votesAgainst: 2, abstentions: 1 }) { id } }`,
      { id: topic.addCouncilTopic.id },
    );
    await run(
      admin,
      `mutation($id: ID!) { publishCouncilResult(meetingId: $id, result: "同意3栋加装电梯") { id } }`,
      {
        id: meetingId,
      },
    );
    const read = await run<{ councilMeeting: unknown }>(
      admin,
      `query($id: ID!) { councilMeeting(id: $id) { kind publishedResult topics { title ticketId ticket { id } decision votesFor votesAgainst abstentions } } }`,
      { id: meetingId },
    );
    expect(read.councilMeeting).toEqual({
      kind: 'DECISION',
      publishedResult: '同意3栋加装电梯',
      topics: [
        {
          title: '3栋加装电梯',
          ticketId,
          ticket: { id: ticketId },
          decision: '同意加装',
          votesFor: 15,
          votesAgainst: 2,
          abstentions: 1,
        },
      ],
    });
    const late = await graph.query(
      `mutation($m: ID!) { addCouncilTopic(input: { meetingId: $m, title: "迟到的议题" }) { id } }`,
      { m: meetingId },
      admin,
    );
    expect(problem(late).code).toBe('INVALID_TRANSITION');
  });

  it('registers a co-building unit with resources and pairs it with a branch', async () => {
    const branch = await run<{ createPartyOrganization: { id: string } }>(
      admin,
      `mutation { createPartyOrganization(input: { name: "珠海路一网格党支部", level: BRANCH, kind: GRID, unitCode: "520303001001" }) { id } }`,
    );
    const unit = await run<{ registerCobuildingUnit: { id: string } }>(
      admin,
      `mutation { registerCobuildingUnit(input: { unitCode: "520303001001", gridCode: "520303001001001", name: "汇川区教育局",
          resources: [{ kind: VENUE, description: "会议室" }, { kind: VOLUNTEERS, description: "10名在职党员" }] }) { id } }`,
    );
    const pair = `mutation($u: ID!, $b: ID!, $a: String) { pairCobuildingUnit(cobuildingUnitId: $u, branchId: $b, since: "2026-01-01", jointActivity: $a) { since } }`;
    await run(admin, pair, {
      u: unit.registerCobuildingUnit.id,
      b: branch.createPartyOrganization.id,
      a: '政策宣讲',
    });
    await run(admin, pair, {
      u: unit.registerCobuildingUnit.id,
      b: branch.createPartyOrganization.id,
      a: '义诊',
    });
    const read = await run<{ cobuildingUnits: { edges: { node: unknown }[] } }>(
      admin,
      `{ cobuildingUnits(unitCode: "520303001001") { edges { node { name resources { kind } pairings { since jointActivities } } } } }`,
    );
    expect(read.cobuildingUnits.edges).toEqual([
      {
        node: {
          name: '汇川区教育局',
          resources: [{ kind: 'VENUE' }, { kind: 'VOLUNTEERS' }],
          pairings: [{ since: '2026-01-01', jointActivities: ['政策宣讲', '义诊'] }],
        },
      },
    ]);
    const badGrid = await graph.query(
      `mutation { registerCobuildingUnit(input: { unitCode: "520303001001", gridCode: "520303002001001", name: "错网格", resources: [] }) { id } }`,
      {},
      admin,
    );
    expect(problem(badGrid)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.gridCode' });
  });

  it('shows delivered notifications in the owner’s inbox, counts unread and marks them read', async () => {
    const worker = new NotificationService(
      graph.subgraphs['org'].dataSource,
      new AuthContext({ accountId: null, grants: [] }),
    );
    const first = await worker.deliver(adminId, {
      kind: 'TICKET_ASSIGNED',
      title: '新工单',
      body: '请处理',
      link: '/tickets/1',
    });
    await worker.deliver(adminId, { kind: 'COUNCIL_MEETING', title: '议事会通知', body: '周五召开' });
    const inbox = `{ unreadNotificationCount notifications { edges { node { kind title link read } } } }`;
    const before = await run<{
      unreadNotificationCount: number;
      notifications: { edges: { node: { title: string } }[] };
    }>(admin, inbox);
    expect(before.unreadNotificationCount).toBe(2);
    expect(before.notifications.edges.map((e) => e.node.title)).toEqual(['议事会通知', '新工单']);
    const marked = await run<{ markNotificationsRead: number }>(
      admin,
      `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`,
      {
        ids: [first.id],
      },
    );
    expect(marked.markNotificationsRead).toBe(1);
    const after = await run<{ unreadNotificationCount: number }>(admin, `{ unreadNotificationCount }`);
    expect(after.unreadNotificationCount).toBe(1);
    expect(problem(await graph.query(`{ unreadNotificationCount }`)).code).toBe('UNAUTHENTICATED');
  });
});
