import { randomUUID } from 'node:crypto';
import { Role } from '@gridgov/platform-auth';
import { type TestGraph } from '@gridgov/platform-testing';
import { createTicketSubgraph } from '@gridgov/ticket-graphql';
import { type TestPerson } from './testing/sign-in-people';
import { dataOf, startSignedInGraph } from './testing/signed-in-graph';

/** A Tuesday far from any bundled calendar year. */
const HOLIDAY = '2099-06-02';
const CHANGES = `query($first: Int!, $after: String, $filter: TicketConfigurationChangeFilter) {
  ticketConfigurationChanges(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { node { actorId kind key scopeCode before after effects at } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Change {
  actorId: string;
  kind: string;
  key: string;
  scopeCode: string;
  before: unknown;
  after: unknown;
  effects: unknown;
  at: string;
}
interface Changes {
  ticketConfigurationChanges: {
    totalCount: number;
    edges: { node: Change }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

// The configuration audit through the gateway: a platform admin reads every change, a district
// admin only those within the district, community staff nothing.
describe('ticket configuration audit through the gateway', () => {
  let graph: TestGraph;
  let tokens: Record<string, string>;
  let accountIds: Record<string, string>;

  beforeAll(async () => {
    const people: TestPerson[] = [
      ['platform.admin', Role.PLATFORM_ADMIN, ''],
      ['district.admin', Role.UNIT_ADMIN, '520303'],
      ['zhuhai.staff', Role.COMMUNITY_STAFF, '520303001001'],
    ];
    ({ graph, tokens, accountIds } = await startSignedInGraph(() => [createTicketSubgraph()], people));
  });
  afterAll(() => graph?.stop());

  const ok = <T>(query: string, variables: Record<string, unknown>, who: string) =>
    dataOf<T>(graph, query, variables, tokens[who]);

  it('lists the changes newest first within each admin’s scope, and refuses community staff', async () => {
    await ok(
      `mutation($input: CalendarDayInput!) { setCalendarDay(input: $input) { day } }`,
      { input: { day: HOLIDAY, working: false, name: '审计假日' } },
      'platform.admin',
    );
    const lead = randomUUID();
    await ok(
      `mutation($input: ResponsibilityRuleInput!) { setResponsibilityRule(input: $input) { id } }`,
      { input: { unitCode: '520303', categoryPrefix: 'DISPUTE', leadDepartmentId: lead } },
      'district.admin',
    );

    // The platform admin pages through both, newest first.
    const first = (await ok<Changes>(CHANGES, { first: 1 }, 'platform.admin')).ticketConfigurationChanges;
    expect(first.totalCount).toBe(2);
    expect(first.edges.map((e) => e.node.kind)).toEqual(['RESPONSIBILITY_SET']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (
      await ok<Changes>(CHANGES, { first: 1, after: first.pageInfo.endCursor }, 'platform.admin')
    ).ticketConfigurationChanges;
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.edges[0].node).toMatchObject({
      actorId: accountIds['platform.admin'],
      kind: 'CALENDAR_DAY_SET',
      key: HOLIDAY,
      scopeCode: '',
      before: null,
      after: { working: false, name: '审计假日' },
      effects: { retimedTickets: 0 },
    });
    const calendarOnly = await ok<Changes>(
      CHANGES,
      { first: 10, filter: { kind: 'CALENDAR_DAY_SET', since: second.edges[0].node.at } },
      'platform.admin',
    );
    expect(calendarOnly.ticketConfigurationChanges.edges.map((e) => e.node.key)).toEqual([HOLIDAY]);

    // The district admin sees the district's change only, not the platform-wide calendar.
    const district = await ok<Changes>(CHANGES, { first: 10 }, 'district.admin');
    expect(district.ticketConfigurationChanges.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        actorId: accountIds['district.admin'],
        kind: 'RESPONSIBILITY_SET',
        key: '520303/DISPUTE',
        scopeCode: '520303',
        before: null,
        after: { leadDepartmentId: lead, cooperatingDepartmentIds: [] },
      }),
    ]);

    // A forged cursor (a well-formed pair whose value is no timestamp) is bad input, not a database error.
    const forged = Buffer.from(JSON.stringify(['not-a-time', randomUUID()])).toString('base64url');
    const refused = await graph.query(CHANGES, { first: 1, after: forged }, tokens['platform.admin']);
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining('is not a cursor returned by this list'),
      extensions: { code: 'BAD_USER_INPUT' },
    });

    const denied = await graph.query(CHANGES, { first: 10 }, tokens['zhuhai.staff']);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(denied.data?.ticketConfigurationChanges ?? null).toBeNull();
  });
});
