import { Role } from '@gridgov/platform-auth';
import { startTestGraph, type TestGraph } from '@gridgov/platform-testing';
import { DepartmentEntity, DepartmentKind } from '@gridgov/org-data-access';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { createTicketSubgraph } from '@gridgov/ticket-graphql';
import { signInPeople, type TestPerson } from './testing/sign-in-people';

const GRID = '520303001001001';

// Ticket configuration through the gateway: the category catalogue (read by reporters, extended by
// platform admins), responsibility lists set by a district admin and used by dispatch.
describe('ticket configuration through the gateway', () => {
  let graph: TestGraph;
  const tokens: Record<string, string> = {};
  let ENVIRONMENT: string;

  beforeAll(async () => {
    graph = await startTestGraph((s) => [
      createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
      createTicketSubgraph(),
    ]);
    const org = graph.subgraphs['org'].dataSource;
    ENVIRONMENT = (
      await org
        .getRepository(DepartmentEntity)
        .save({ unitCode: '520303000000', name: '区生态环境局', kind: DepartmentKind.URBAN_MANAGEMENT })
    ).id;
    const people: TestPerson[] = [
      ['platform.admin', Role.PLATFORM_ADMIN, ''],
      ['district.admin', Role.UNIT_ADMIN, '520303'],
      ['zhuhai.gw', Role.GRID_WORKER, GRID],
      ['zhuhai.staff', Role.COMMUNITY_STAFF, '520303001001'],
    ];
    const signedIn = await signInPeople(graph, people);
    Object.assign(tokens, signedIn.tokens);
  });
  afterAll(() => graph?.stop());

  it('lets reporters read the catalogue and platform admins add a category whose fields intake enforces', async () => {
    const catalogue = await graph.query<{ ticketCategories: { code: string; defaultMode: string }[] }>(
      `{ ticketCategories { code parentCode name defaultMode attributes { code datatype required values } } }`,
      {},
      tokens['zhuhai.gw'],
    );
    expect(catalogue.errors).toBeUndefined();
    expect(catalogue.data!.ticketCategories).toContainEqual(
      expect.objectContaining({ code: 'PROXY_SERVICE', defaultMode: 'PROXY' }),
    );

    const create = `mutation($input: CreateTicketCategoryInput!) { createTicketCategory(input: $input) { code parentCode active } }`;
    const category = {
      code: 'ENVIRONMENTAL_PROTECTION.DUST',
      name: '扬尘污染',
      defaultMode: 'COORDINATED',
      attributes: [
        { code: 'SITE', datatype: 'SINGLEVALUELIST', required: true, values: ['CONSTRUCTION', 'ROAD'] },
      ],
    };
    const denied = await graph.query(create, { input: category }, tokens['district.admin']);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const created = await graph.query(create, { input: category }, tokens['platform.admin']);
    expect(created.errors).toBeUndefined();
    expect(created.data).toEqual({
      createTicketCategory: { code: category.code, parentCode: 'ENVIRONMENTAL_PROTECTION', active: true },
    });

    const report = (attributes: unknown[]) =>
      graph.query<{ reportTicket: { id: string; mode: string; attributes: unknown[] } }>(
        `mutation($input: ReportTicketInput!) { reportTicket(input: $input) { id mode attributes { code values } category { name } } }`,
        {
          input: {
            gridCode: GRID,
            categoryCode: category.code,
            channel: 'GRID_WORKER',
            title: '工地扬尘',
            attributes,
          },
        },
        tokens['zhuhai.gw'],
      );
    const missing = await report([]);
    expect(missing.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.attributes' },
    });
    const reported = await report([{ code: 'SITE', values: ['CONSTRUCTION'] }]);
    expect(reported.errors).toBeUndefined();
    expect(reported.data!.reportTicket).toMatchObject({
      mode: 'COORDINATED',
      attributes: [{ code: 'SITE', values: ['CONSTRUCTION'] }],
      category: { name: '扬尘污染' },
    });

    // A district admin's responsibility list sends it to the environment bureau without naming it.
    const rule = await graph.query<{
      setResponsibilityRule: { leadDepartment: { id: string; name: string } };
    }>(
      `mutation($input: ResponsibilityRuleInput!) {
        setResponsibilityRule(input: $input) { unitCode categoryPrefix leadDepartment { id name } }
      }`,
      {
        input: {
          unitCode: '520303',
          categoryPrefix: 'ENVIRONMENTAL_PROTECTION',
          leadDepartmentId: ENVIRONMENT,
        },
      },
      tokens['district.admin'],
    );
    expect(rule.errors).toBeUndefined();
    expect(rule.data!.setResponsibilityRule.leadDepartment).toEqual({
      id: ENVIRONMENT,
      name: '区生态环境局',
    });
    const resolved = await graph.query<{ responsibleDepartments: { leadDepartmentId: string } | null }>(
      `{ responsibleDepartments(unitCode: "520303001001", categoryCode: "${category.code}") { leadDepartmentId } }`,
      {},
      tokens['zhuhai.staff'],
    );
    expect(resolved.data?.responsibleDepartments).toEqual({ leadDepartmentId: ENVIRONMENT });

    const id = reported.data!.reportTicket.id;
    const step = (mutation: string, type: string) =>
      graph.query<Record<string, { status: string; dispatches: { departmentId: string; role: string }[] }>>(
        `mutation($input: ${type}!) { ${mutation}(input: $input) { status dispatches { departmentId role } } }`,
        { input: { id } },
        tokens['zhuhai.staff'],
      );
    expect((await step('acceptTicket', 'TicketStepInput')).errors).toBeUndefined();
    const dispatched = await step('dispatchTicket', 'DispatchTicketInput');
    expect(dispatched.errors).toBeUndefined();
    expect(dispatched.data!.dispatchTicket).toEqual({
      status: 'ASSIGNED',
      dispatches: [{ departmentId: ENVIRONMENT, role: 'LEAD' }],
    });
  });

  it('lets platform admins set SLA policies and 2027 calendar days, and nobody else', async () => {
    const policy = {
      categoryPrefix: 'SAFETY_PRODUCTION.GAS',
      mode: 'EMERGENCY',
      unitLevel: 'DISTRICT',
      accept: { amount: 15, unit: 'MINUTES' },
      resolve: { amount: 12, unit: 'HOURS' },
      verify: { amount: 2, unit: 'HOURS' },
      warningRatio: 0.5,
    };
    const create = `mutation($input: SlaPolicyInput!) {
      createSlaPolicy(input: $input) { retimedTickets policy { id categoryPrefix accept { amount unit } warningRatio } }
    }`;
    const denied = await graph.query(create, { input: policy }, tokens['district.admin']);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await graph.query(
      create,
      { input: { ...policy, warningRatio: 1.5 } },
      tokens['platform.admin'],
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.warningRatio' });
    const created = await graph.query<{ createSlaPolicy: { policy: { id: string } } }>(
      create,
      { input: policy },
      tokens['platform.admin'],
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createSlaPolicy).toMatchObject({
      retimedTickets: 0,
      policy: {
        categoryPrefix: 'SAFETY_PRODUCTION.GAS',
        accept: { amount: 15, unit: 'MINUTES' },
        warningRatio: 0.5,
      },
    });
    const listed = await graph.query<{ slaPolicies: { id: string }[] }>(
      `{ slaPolicies(mode: EMERGENCY) { id categoryPrefix unitLevel } }`,
      {},
      tokens['zhuhai.staff'],
    );
    expect(listed.data!.slaPolicies.map((p) => p.id)).toContain(created.data!.createSlaPolicy.policy.id);

    const setDay = `mutation($input: CalendarDayInput!) { setCalendarDay(input: $input) { day working name } }`;
    const holiday = { day: '2027-10-01', working: false, name: '国庆节' };
    expect(
      (await graph.query(setDay, { input: holiday }, tokens['district.admin'])).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await graph.query(setDay, { input: holiday }, tokens['platform.admin'])).errors).toBeUndefined();
    const year = await graph.query<{ workingCalendar: unknown[] }>(
      `{ workingCalendar(year: 2027) { day working name } }`,
      {},
      tokens['zhuhai.staff'],
    );
    expect(year.data?.workingCalendar).toEqual([holiday]);
  });
});
