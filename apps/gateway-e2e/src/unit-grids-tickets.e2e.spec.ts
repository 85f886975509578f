import { AccountService } from '@gridgov/org-data-access';
import { createAssessmentSubgraph } from '@gridgov/assessment-graphql';
import { createGridSubgraph } from '@gridgov/grid-graphql';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { createTicketSubgraph } from '@gridgov/ticket-graphql';
import { startTestGraph, type TestGraph } from '@gridgov/platform-testing';

const square = (lon: number, lat: number, d = 0.002) => ({
  type: 'Polygon',
  coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
});

const UNIT_GRIDS_TICKETS = `query($code: String!) {
  adminUnit(code: $code) {
    name
    grids(first: 10) { edges { node { code name tickets(first: 10) { edges { node { title status } } } } } }
  }
}`;

// One request spans three subgraphs: org (unit) → grid (its grids) → ticket (their tickets).
describe('an administrative unit with its grids and their tickets, in one request', () => {
  let graph: TestGraph;
  let token: string;

  beforeAll(async () => {
    graph = await startTestGraph((s) => [
      createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
      createGridSubgraph(),
      createTicketSubgraph(),
      createAssessmentSubgraph(),
    ]);
    await AccountService.ensureInitialAdmin(graph.subgraphs['org'].dataSource, 'admin', 'admin-password');
    const login = await graph.query<{ login: { token: string } }>(
      `mutation { login(username: "admin", password: "admin-password") { token } }`,
    );
    token = login.data!.login.token;
    for (const [code, name, parentCode] of [
      ['520300000000', '遵义市', null],
      ['520303000000', '汇川区', '520300000000'],
      ['520303001000', '上海路街道', '520303000000'],
      ['520303001001', '珠海路社区', '520303001000'],
    ]) {
      const created = await graph.query(
        `mutation($input: CreateAdminUnitInput!) { createAdminUnit(input: $input) { code } }`,
        { input: { code, name, parentCode } },
        token,
      );
      expect(created.errors).toBeUndefined();
    }
    for (const [code, name, lon] of [
      ['520303001001001', '珠海路一网格', 106.93],
      ['520303001001002', '珠海路二网格', 106.94],
    ] as const) {
      const grid = await graph.query(
        `mutation($input: CreateGridInput!) { createGrid(input: $input) { code } }`,
        { input: { code, name, adminUnitCode: '520303001001', level: 4, kind: 'BLOCK', boundary: square(lon, 27.7) } },
        token,
      );
      expect(grid.errors).toBeUndefined();
    }
    const ticket = await graph.query(
      `mutation($input: ReportTicketInput!) { reportTicket(input: $input) { id } }`,
      {
        input: {
          gridCode: '520303001001001',
          categoryCode: 'CITY_MANAGEMENT.ROAD',
          mode: 'COORDINATED',
          channel: 'GRID_WORKER',
          title: '人行道井盖破损',
          description: '珠海路12号门前井盖破损',
        },
      },
      token,
    );
    expect(ticket.errors).toBeUndefined();
  });
  afterAll(() => graph?.stop());

  it('returns the unit from org, its grids from grid and their tickets from ticket', async () => {
    const result = await graph.query(UNIT_GRIDS_TICKETS, { code: '520303001001' }, token);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      adminUnit: {
        name: '珠海路社区',
        grids: {
          edges: [
            { node: { code: '520303001001001', name: '珠海路一网格', tickets: { edges: [{ node: { title: '人行道井盖破损', status: 'REPORTED' } }] } } },
            { node: { code: '520303001001002', name: '珠海路二网格', tickets: { edges: [] } } },
          ],
        },
      },
    });
  });

  it('answers with partial data and an error naming the subgraph when one is down', async () => {
    await graph.subgraphs['ticket'].stop();
    const result = await graph.query(UNIT_GRIDS_TICKETS, { code: '520303001001' }, token);
    const grids = (result.data as { adminUnit: { grids: { edges: { node: { code: string; tickets: unknown } }[] } } }).adminUnit.grids;
    expect(grids.edges.map((e) => [e.node.code, e.node.tickets])).toEqual([
      ['520303001001001', null],
      ['520303001001002', null],
    ]);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'ticket' });
    expect(JSON.stringify(result.errors)).not.toMatch(/stack|ECONNREFUSED|at .*\.js/);
  });
});
