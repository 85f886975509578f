import { AccountEntity, AccountService, RoleGrantEntity } from '@gridgov/org-data-access';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { createGridSubgraph } from '@gridgov/grid-graphql';
import { hashPassword, Role } from '@gridgov/platform-auth';
import { startTestGraph, type TestGraph } from '@gridgov/platform-testing';

const SQUARE = {
  type: 'Polygon',
  coordinates: [
    [
      [106.93, 27.7],
      [106.934, 27.7],
      [106.934, 27.704],
      [106.93, 27.704],
      [106.93, 27.7],
    ],
  ],
};
const CREATE = `mutation($input: CreateGridInput!) { createGrid(input: $input) { id code } }`;
const gridInput = (overrides: Record<string, unknown> = {}) => ({
  code: '520303001002001',
  name: '人民路一网格',
  level: 4,
  kind: 'BLOCK',
  adminUnitCode: '520303001002',
  boundary: SQUARE,
  ...overrides,
});

// A grid worker reads its own community's grids only; malformed input is refused naming the field.
describe('grid scope and input checks, through the gateway', () => {
  let graph: TestGraph;
  let adminToken: string;
  let workerToken: string;
  let gridId: string;
  const login = async (username: string, password: string) =>
    (
      await graph.query<{ login: { token: string } }>(
        `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
        { u: username, p: password },
      )
    ).data!.login.token;

  beforeAll(async () => {
    graph = await startTestGraph((s) => [
      createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
      createGridSubgraph(),
    ]);
    const orgData = graph.subgraphs['org'].dataSource;
    await AccountService.ensureInitialAdmin(orgData, 'admin', 'correct horse');
    const worker = await orgData.getRepository(AccountEntity).save({
      username: 'zhuhai.gw1',
      displayName: '珠海路网格员',
      passwordHash: await hashPassword('worker pass'),
    });
    await orgData
      .getRepository(RoleGrantEntity)
      .save({ accountId: worker.id, role: Role.GRID_WORKER, scopeCode: '520303001001' });
    adminToken = await login('admin', 'correct horse');
    workerToken = await login('zhuhai.gw1', 'worker pass');
    const created = await graph.query<{ createGrid: { id: string } }>(
      CREATE,
      { input: gridInput() },
      adminToken,
    );
    gridId = created.data!.createGrid.id;
    const input = gridInput({ code: '520303001001001', adminUnitCode: '520303001001', name: '珠海路一网格' });
    expect((await graph.query(CREATE, { input }, adminToken)).errors).toBeUndefined();
  });
  afterAll(() => graph?.stop());

  it('lets a grid worker read its community’s grid and answers FORBIDDEN for another community’s', async () => {
    const own = await graph.query(`{ grid(code: "520303001001001") { name } }`, {}, workerToken);
    expect(own).toEqual({ data: { grid: { name: '珠海路一网格' } } });
    const other = await graph.query(`{ grid(code: "520303001002001") { name } }`, {}, workerToken);
    expect(other.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
    const list = await graph.query<{ grids: { edges: unknown[] } }>(
      `{ grids(adminUnitCode: "520303001002") { edges { node { code } } } }`,
      {},
      workerToken,
    );
    expect(list.data?.grids.edges).toEqual([]);
  });

  it('answers FORBIDDEN when a grid worker creates a grid', async () => {
    const result = await graph.query(
      CREATE,
      { input: gridInput({ code: '520303001001002', adminUnitCode: '520303001001' }) },
      workerToken,
    );
    expect(result.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
  });

  it('refuses a malformed code naming input.code', async () => {
    const result = await graph.query(CREATE, { input: gridInput({ code: '5203030010020' }) }, adminToken);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    expect(result.errors?.[0].message).toContain('input.code');
  });

  it('refuses a self-intersecting or unclosed boundary naming input.boundary', async () => {
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [106.93, 27.7],
          [106.94, 27.71],
          [106.94, 27.7],
          [106.93, 27.71],
          [106.93, 27.7],
        ],
      ],
    };
    const unclosed = {
      type: 'Polygon',
      coordinates: [
        [
          [106.93, 27.7],
          [106.94, 27.7],
          [106.94, 27.71],
          [106.93, 27.71],
        ],
      ],
    };
    for (const boundary of [bowtie, unclosed]) {
      const result = await graph.query(
        CREATE,
        { input: gridInput({ code: '520303001002002', boundary }) },
        adminToken,
      );
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.boundary',
      });
      expect(result.errors?.[0].message).toContain('input.boundary');
      const update = await graph.query(
        `mutation($id: ID!, $b: JSON!) { updateGridBoundary(id: $id, boundary: $b) { id } }`,
        { id: gridId, b: boundary },
        adminToken,
      );
      expect(update.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'boundary' });
    }
  });
});
