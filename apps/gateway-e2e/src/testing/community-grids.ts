import { squareBoundary } from '@gridgov/grid-data-access';
import type { TestGraph } from '@gridgov/platform-testing';

/** 珠海路社区, the community (under 红花岗区 › 老城街道) in which the grid specs draw their grids. */
export const COMMUNITY_CODE = '520303001001';

/**
 * Creates the admin units down to 珠海路社区 and, in it, one BLOCK grid per entry: a 0.004° square
 * from (west, 27.7). Set-up through the gateway as a platform admin (`adminToken`).
 */
export async function createCommunityGrids(
  graph: TestGraph,
  adminToken: string,
  grids: readonly { code: string; name: string; west: number }[],
): Promise<void> {
  const run = async (query: string, input: Record<string, unknown>) => {
    const result = await graph.query(query, { input }, adminToken);
    if (result.errors) throw new Error(`set-up failed: ${result.errors[0]?.message}`);
  };
  for (const [code, name, parentCode] of [
    ['520303000000', '红花岗区', null],
    ['520303001000', '老城街道', '520303000000'],
    [COMMUNITY_CODE, '珠海路社区', '520303001000'],
  ])
    await run(`mutation($input: CreateAdminUnitInput!) { createAdminUnit(input: $input) { code } }`, {
      code,
      name,
      parentCode,
    });
  for (const { code, name, west } of grids)
    await run(`mutation($input: CreateGridInput!) { createGrid(input: $input) { code } }`, {
      code,
      name,
      level: 4,
      kind: 'BLOCK',
      adminUnitCode: COMMUNITY_CODE,
      boundary: squareBoundary(west, 27.7, 0.004),
    });
}
