import { createGridSubgraph } from '@gridgov/grid-graphql';
import { Role } from '@gridgov/platform-auth';
import { type TestGraph } from '@gridgov/platform-testing';
import { COMMUNITY_CODE, createCommunityGrids } from './testing/community-grids';
import { dataOf, startSignedInGraph } from './testing/signed-in-graph';

const GRIDS = [
  { code: `${COMMUNITY_CODE}001`, name: '珠海路一网格', west: 106.925 },
  { code: `${COMMUNITY_CODE}002`, name: '珠海路二网格', west: 106.929 },
];
const ASSISTED = `query($m: ID!) { partyMember(id: $m) { name assistantOfGrids { gridCode grid { name } } } }`;

// From a member to the grids they assist (网格助理): org-service's bindings, each grid's name from
// grid-service, in one request through the gateway; a caller who may not read the member is refused.
describe('a party member’s assistant grids through the gateway', () => {
  let graph: TestGraph;
  let tokens: Record<string, string>;
  let secretary: string;

  /** The data of a request that must succeed. */
  const data = <T>(who: string, query: string, variables: Record<string, unknown> = {}) =>
    dataOf<T>(graph, query, variables, tokens[who]);

  beforeAll(async () => {
    ({ graph, tokens } = await startSignedInGraph(
      () => [createGridSubgraph()],
      [
        ['admin', Role.PLATFORM_ADMIN, ''],
        ['zhuhai', Role.PARTY_ADMIN, COMMUNITY_CODE],
        ['renmin', Role.PARTY_ADMIN, '520303001002'],
      ],
    ));
    await createCommunityGrids(graph, tokens['admin'], GRIDS);
    const branch = (
      await data<{ createPartyOrganization: { id: string } }>(
        'zhuhai',
        `mutation($input: CreatePartyOrganizationInput!) { createPartyOrganization(input: $input) { id } }`,
        { input: { name: '珠海路网格党支部', level: 'BRANCH', kind: 'GRID', unitCode: COMMUNITY_CODE } },
      )
    ).createPartyOrganization.id;
    secretary = (
      await data<{ createPartyMember: { id: string } }>(
        'zhuhai',
        `mutation($input: CreatePartyMemberInput!) { createPartyMember(input: $input) { id } }`,
        { input: { branchId: branch, name: '王建国', status: 'FULL', joinedOn: '1998-07-01' } },
      )
    ).createPartyMember.id;
    // Assistant of both grids, set in reverse order: the answer is by grid code.
    for (const { code } of [...GRIDS].reverse()) {
      await data(
        'zhuhai',
        `mutation($b: ID!, $g: String!) { bindPartyBranchToGrid(branchId: $b, gridCode: $g) { id } }`,
        {
          b: branch,
          g: code,
        },
      );
      await data(
        'zhuhai',
        `mutation($b: ID!, $g: String!, $m: ID) { setGridPartyAssistant(branchId: $b, gridCode: $g, memberId: $m) { gridCode } }`,
        { b: branch, g: code, m: secretary },
      );
    }
  });
  afterAll(() => graph?.stop());

  it('reads the grids a member assists, each grid’s name resolved by grid-service in the same request', async () => {
    expect(await data('zhuhai', ASSISTED, { m: secretary })).toEqual({
      partyMember: {
        name: '王建国',
        assistantOfGrids: GRIDS.map(({ code, name }) => ({ gridCode: code, grid: { name } })),
      },
    });
  });

  it('refuses a caller outside the member’s scope as reading the member does, and without a token', async () => {
    const outside = await graph.query(ASSISTED, { m: secretary }, tokens['renmin']);
    expect(outside.data).toBeNull();
    expect(outside.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
    const anonymous = await graph.query(ASSISTED, { m: secretary });
    expect(anonymous.data).toBeNull();
    expect(anonymous.errors?.[0].extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
