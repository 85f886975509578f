import { squareBoundary } from '@gridgov/grid-data-access';
import { createGridSubgraph } from '@gridgov/grid-graphql';
import { Role } from '@gridgov/platform-auth';
import { type TestGraph } from '@gridgov/platform-testing';
import { COMMUNITY_CODE, createCommunityGrids } from './testing/community-grids';
import { startSignedInGraph } from './testing/signed-in-graph';

const GRID = '520303001001001';

// The public board hands out a Grid of any scope: the Grid's own fields still check the caller's scope.
describe('grid board reach-through and scope', () => {
  let graph: TestGraph;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    ({ graph, tokens } = await startSignedInGraph(
      () => [createGridSubgraph()],
      [
        ['admin', Role.PLATFORM_ADMIN, ''],
        ['staff', Role.COMMUNITY_STAFF, '520303001001'],
        ['otherStaff', Role.COMMUNITY_STAFF, '520303001002'],
      ],
    ));
    await createCommunityGrids(graph, tokens['admin'], []);
    const created = await graph.query(
      `mutation($input: CreateGridInput!) { createGrid(input: $input) { code } }`,
      {
        input: {
          code: GRID,
          name: '珠海路一网格',
          level: 4,
          kind: 'BLOCK',
          adminUnitCode: COMMUNITY_CODE,
          boundary: squareBoundary(106.925, 27.7, 0.004),
          responsibleName: '张敏',
          responsiblePhone: '13800000001',
        },
      },
      tokens['admin'],
    );
    expect(created.errors).toBeUndefined();
    const appointed = await graph.query(
      `mutation($input: AppointGridTeamMemberInput!) { appointGridTeamMember(input: $input) { id } }`,
      { input: { gridCode: GRID, role: 'RESPONSIBLE', name: '张敏', startsOn: '2025-01-01' } },
      tokens['admin'],
    );
    expect(appointed.errors).toBeUndefined();
  });
  afterAll(() => graph?.stop());

  it('serves the team to staff of the grid and refuses it, through the board, to staff elsewhere', async () => {
    const query = (field: string) => `query($code: String!) { gridBoard(code: $code) { grid { ${field} } } }`;
    const inScope = await graph.query(query('team { model }'), { code: GRID }, tokens['staff']);
    expect(inScope.errors).toBeUndefined();
    expect(inScope.data).toEqual({ gridBoard: { grid: { team: { model: '1+0' } } } });

    for (const field of ['team { model }', 'teamHistory { name }', 'sizeGuidance { households }']) {
      const outside = await graph.query(query(field), { code: GRID }, tokens['otherStaff']);
      expect([field, outside.errors?.[0]?.extensions?.['code']]).toEqual([field, 'FORBIDDEN']);
    }
  });

  it("shows the grid's own responsible phone only to readers of the grid", async () => {
    const query = `query($code: String!) { gridBoard(code: $code) { grid { responsiblePhone } } }`;
    const phoneFor = async (token?: string) => {
      const result = await graph.query<{ gridBoard: { grid: { responsiblePhone: string | null } } }>(
        query,
        { code: GRID },
        token,
      );
      expect(result.errors).toBeUndefined();
      return result.data?.gridBoard.grid.responsiblePhone;
    };
    expect(await phoneFor(tokens['staff'])).toBe('13800000001');
    expect(await phoneFor(tokens['otherStaff'])).toBeNull();
    expect(await phoneFor()).toBeNull();
  });
});
