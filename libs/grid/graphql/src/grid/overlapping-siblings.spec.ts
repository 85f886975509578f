import { graphql, type GraphQLSchema } from 'graphql';
import { gridDatabase, GridKind, GridLevel, GridService, squareBoundary } from '@gridgov/grid-data-access';
import { type Grant, Role } from '@gridgov/platform-auth';
import { buildFederatedSchema } from '@gridgov/platform-graphql';
import { createLogger } from '@gridgov/platform-observability';
import { callerWith, countStatements, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { createGridSubgraph } from '../grid-subgraph';

// Grid.overlappingSiblings on a list of grids, through the real resolvers, loaders and PostgreSQL:
// the right siblings per grid, in the caller's scope, read by one query for the whole list.
describe('Grid.overlappingSiblings on a list', () => {
  const definition = createGridSubgraph();
  let db: TestDatabase;
  let schema: GraphQLSchema;
  // Every statement the data source sends, so the spec sees how many a request costs.
  let statements: ReturnType<typeof countStatements>;

  const run = async (grant: Grant, selection: string) => {
    const contextValue = definition.createContext({
      auth: callerWith(grant),
      requestId: 'overlapping-siblings-spec',
      log: createLogger('grid-spec', 'silent'),
      dataSource: db.dataSource,
    });
    statements.reset();
    const result = await graphql({
      schema,
      contextValue,
      source: `{ grids(adminUnitCode: "520303001001", first: 20, filter: { level: 4 }) { edges { node { ${selection} } } } }`,
    });
    expect(result.errors).toBeUndefined();
    const edges = (result.data as { grids: { edges: { node: Record<string, unknown> }[] } }).grids.edges;
    return { nodes: edges.map((e) => e.node), queries: statements.count };
  };

  beforeAll(async () => {
    db = await openTestDatabase(gridDatabase);
    schema = await buildFederatedSchema(definition);
    const admin = new GridService(db.dataSource, callerWith({ role: Role.UNIT_ADMIN, scopeCode: '520303' }));
    await admin.create({
      code: '520303001001000',
      name: '社区网格',
      level: GridLevel.COMMUNITY,
      adminUnitCode: '520303001001',
      boundary: squareBoundary(106.92, 27.69, 0.03),
    });
    // 001 and 002 overlap; 003 only shares an edge with 002; 004 and 005 overlap; 006 is apart.
    for (const [seq, west] of [
      ['001', 106.925],
      ['002', 106.927],
      ['003', 106.927 + 0.004], // exactly 002's east edge
      ['004', 106.94],
      ['005', 106.942],
      ['006', 106.92],
    ] as const) {
      await admin.create({
        code: `520303001001${seq}`,
        name: `网格 ${seq}`,
        level: GridLevel.UNIT,
        kind: GridKind.BLOCK,
        adminUnitCode: '520303001001',
        parentCode: '520303001001000',
        boundary: squareBoundary(west, seq === '006' ? 27.71 : 27.7, 0.004),
      });
    }
    statements = countStatements(db.dataSource);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('lists each grid’s overlapping siblings with one query for the whole list', async () => {
    const reader = { role: Role.UNIT_ADMIN, scopeCode: '520303001001' };
    const withSiblings = await run(reader, 'code overlappingSiblings { code }');
    expect(withSiblings.nodes).toEqual([
      { code: '520303001001001', overlappingSiblings: [{ code: '520303001001002' }] },
      { code: '520303001001002', overlappingSiblings: [{ code: '520303001001001' }] },
      { code: '520303001001003', overlappingSiblings: [] },
      { code: '520303001001004', overlappingSiblings: [{ code: '520303001001005' }] },
      { code: '520303001001005', overlappingSiblings: [{ code: '520303001001004' }] },
      { code: '520303001001006', overlappingSiblings: [] },
    ]);
    const without = await run(reader, 'code');
    expect(without.nodes).toHaveLength(6);
    // Six grids, one more statement than the list alone (it was one per grid).
    expect(withSiblings.queries - without.queries).toBe(1);
  });

  it('lists only siblings in the caller’s scope', async () => {
    const { nodes } = await run(
      { role: Role.GRID_WORKER, scopeCode: '520303001001001' },
      'code overlappingSiblings { code }',
    );
    expect(nodes).toEqual([{ code: '520303001001001', overlappingSiblings: [] }]);
  });
});
