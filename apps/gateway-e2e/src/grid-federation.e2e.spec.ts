import { squareBoundary } from '@gridgov/grid-data-access';
import { AccountService } from '@gridgov/org-data-access';
import { createGridSubgraph } from '@gridgov/grid-graphql';
import { type TestGraph } from '@gridgov/platform-testing';
import { dataOf, startSignedInGraph } from './testing/signed-in-graph';

// Units created through org, grids through grid-service, read back together in one gateway request.
describe('grids under administrative units, through the gateway', () => {
  let graph: TestGraph;
  let token: string;
  const run = <T>(query: string, variables: Record<string, unknown> = {}) =>
    dataOf<T>(graph, query, variables, token);

  beforeAll(async () => {
    ({ graph } = await startSignedInGraph(() => [createGridSubgraph()], []));
    await AccountService.ensureInitialAdmin(graph.subgraphs['org'].dataSource, 'admin', 'correct horse');
    const login = await graph.query<{ login: { token: string } }>(
      `mutation { login(username: "admin", password: "correct horse") { token } }`,
    );
    token = login.data!.login.token;
    const units: [string, string, string | null][] = [
      ['520300000000', '遵义市', null],
      ['520303000000', '汇川区', '520300000000'],
      ['520303001000', '上海路街道', '520303000000'],
      ['520303001001', '珠海路社区', '520303001000'],
      ['520303001002', '人民路社区', '520303001000'],
    ];
    for (const [code, name, parentCode] of units) {
      await run(`mutation($input: CreateAdminUnitInput!) { createAdminUnit(input: $input) { id } }`, {
        input: { code, name, parentCode },
      });
    }
    const grids: [string, string, number][] = [
      ['520303001001002', '珠海路二网格', 106.929],
      ['520303001001001', '珠海路一网格', 106.925],
      ['520303001002001', '人民路一网格', 106.933],
    ];
    for (const [code, name, west] of grids) {
      await run(`mutation($input: CreateGridInput!) { createGrid(input: $input) { code } }`, {
        input: {
          code,
          name,
          level: 4,
          kind: 'BLOCK',
          adminUnitCode: code.slice(0, 12),
          boundary: squareBoundary(west, 27.7, 0.004),
        },
      });
    }
  });
  afterAll(() => graph?.stop());

  it('answers a unit with its grids in one request', async () => {
    const data = await run<{ adminUnit: unknown }>(
      `{ adminUnit(code: "520303001001") { name grids { edges { node { code name } } } } }`,
    );
    expect(data.adminUnit).toEqual({
      name: '珠海路社区',
      grids: {
        edges: [
          { node: { code: '520303001001001', name: '珠海路一网格' } },
          { node: { code: '520303001001002', name: '珠海路二网格' } },
        ],
      },
    });
  });

  it('resolves a grid’s administrative unit from org, and pages grids with a cursor', async () => {
    const data = await run<{ grid: unknown; gridAt: { code: string } }>(
      `{ grid(code: "520303001002001") { level kind adminUnit { name } } gridAt(lon: 106.935, lat: 27.702) { code } }`,
    );
    expect(data).toEqual({
      grid: { level: 4, kind: 'BLOCK', adminUnit: { name: '人民路社区' } },
      gridAt: { code: '520303001002001' },
    });
    const page = `query($after: String) { grids(adminUnitCode: "520303001001", first: 1, after: $after) { edges { node { code } } pageInfo { hasNextPage endCursor } totalCount } }`;
    type Page = {
      grids: {
        edges: { node: { code: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
        totalCount: number;
      };
    };
    const first = await run<Page>(page);
    const second = await run<Page>(page, { after: first.grids.pageInfo.endCursor });
    expect(
      [first, second].map((p) => [
        p.grids.edges[0].node.code,
        p.grids.pageInfo.hasNextPage,
        p.grids.totalCount,
      ]),
    ).toEqual([
      ['520303001001001', true, 2],
      ['520303001001002', false, 2],
    ]);
  });
});
