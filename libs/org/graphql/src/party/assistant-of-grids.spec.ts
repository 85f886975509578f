import { graphql, type GraphQLSchema } from 'graphql';
import { orgDatabase } from '@gridgov/org-data-access';
import { type Grant, Role } from '@gridgov/platform-auth';
import { buildFederatedSchema } from '@gridgov/platform-graphql';
import { createLogger } from '@gridgov/platform-observability';
import { callerWith, countStatements, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { createOrgSubgraph } from '../org-subgraph';

const ZHUHAI = '520303001001';
const RENMIN = '520303001002';

// PartyMember.assistantOfGrids through the real resolvers, loader and PostgreSQL: each member's grids
// (网格助理), only of branches the caller may see, read by one query for a whole list of members.
describe('PartyMember.assistantOfGrids', () => {
  const definition = createOrgSubgraph({ secret: 'assistant-of-grids-spec-secret', ttlSeconds: 3600 });
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let statements: ReturnType<typeof countStatements>;

  const run = async (grant: Grant, source: string) => {
    const contextValue = definition.createContext({
      auth: callerWith(grant),
      requestId: 'assistant-of-grids-spec',
      log: createLogger('org-spec', 'silent'),
      dataSource: db.dataSource,
    });
    statements.reset();
    const result = await graphql({ schema, contextValue, source });
    return { result, queries: statements.count };
  };
  const members = async (grant: Grant, selection: string, filter = '') => {
    const { result, queries: count } = await run(
      grant,
      `{ partyMembers(first: 20${filter}) { edges { node { name ${selection} } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const data = result.data as { partyMembers: { edges: { node: Record<string, unknown> }[] } };
    return { nodes: data.partyMembers.edges.map((e) => e.node), queries: count };
  };
  const zhuhaiAdmin = { role: Role.PARTY_ADMIN, scopeCode: ZHUHAI };
  const renminAdmin = { role: Role.PARTY_ADMIN, scopeCode: RENMIN };
  let wang: string;

  beforeAll(async () => {
    db = await openTestDatabase(orgDatabase);
    schema = await buildFederatedSchema(definition);
    const insertBranch = async (unitCode: string, name: string) =>
      (
        await db.dataSource.query(
          `INSERT INTO party_organization (unit_code, level, kind, name) VALUES ($1, 'BRANCH', 'GRID', $2) RETURNING id`,
          [unitCode, name],
        )
      )[0].id as string;
    const insertMember = async (branchId: string, unitCode: string, name: string, registeredAt?: string) =>
      (
        await db.dataSource.query(
          `INSERT INTO party_member (branch_id, unit_code, name, status, joined_on, in_service, work_unit, registered_unit_code)
           VALUES ($1, $2, $3, 'FULL', '2000-01-01', $4, $5, $6) RETURNING id`,
          [branchId, unitCode, name, !!registeredAt, registeredAt ? '区财政局' : null, registeredAt ?? null],
        )
      )[0].id as string;
    const bind = (branchId: string, gridCode: string, assistantId: string | null) =>
      db.dataSource.query(
        `INSERT INTO party_branch_grid (organization_id, grid_code, assistant_member_id) VALUES ($1, $2, $3)`,
        [branchId, gridCode, assistantId],
      );
    const zhuhai = await insertBranch(ZHUHAI, '珠海路网格党支部');
    const renmin = await insertBranch(RENMIN, '人民路网格党支部');
    // 王建国 assists two grids; 张伟, in service and registered at 人民路 (双报到), one; 李秀英 none.
    wang = await insertMember(zhuhai, ZHUHAI, '王建国');
    const zhang = await insertMember(zhuhai, ZHUHAI, '张伟', RENMIN);
    await insertMember(zhuhai, ZHUHAI, '李秀英');
    const zhao = await insertMember(renmin, RENMIN, '赵敏');
    await bind(zhuhai, `${ZHUHAI}002`, wang);
    await bind(zhuhai, `${ZHUHAI}001`, wang);
    await bind(zhuhai, `${ZHUHAI}003`, zhang);
    await bind(zhuhai, `${ZHUHAI}004`, null);
    await bind(renmin, `${RENMIN}001`, zhao);
    statements = countStatements(db.dataSource);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('lists each member’s grids, by code, with one query for the whole list', async () => {
    const withGrids = await members(
      zhuhaiAdmin,
      'assistantOfGrids { gridCode grid { code } assistant { name } }',
    );
    expect(withGrids.nodes).toEqual([
      {
        name: '张伟',
        assistantOfGrids: [
          { gridCode: `${ZHUHAI}003`, grid: { code: `${ZHUHAI}003` }, assistant: { name: '张伟' } },
        ],
      },
      { name: '李秀英', assistantOfGrids: [] },
      {
        name: '王建国',
        assistantOfGrids: [
          { gridCode: `${ZHUHAI}001`, grid: { code: `${ZHUHAI}001` }, assistant: { name: '王建国' } },
          { gridCode: `${ZHUHAI}002`, grid: { code: `${ZHUHAI}002` }, assistant: { name: '王建国' } },
        ],
      },
    ]);
    const without = await members(zhuhaiAdmin, '');
    expect(without.nodes).toHaveLength(3);
    // Three members, one more statement than the list alone; `assistant` is answered by the member loader.
    const gridsOnly = await members(zhuhaiAdmin, 'assistantOfGrids { gridCode }');
    expect(gridsOnly.queries - without.queries).toBe(1);
  });

  it('shows a member seen through another scope no bindings of a branch the caller may not see', async () => {
    // 人民路 sees 张伟 as an in-service member registered there, not his 珠海路 branch or its grids.
    const registered = await members(
      renminAdmin,
      'assistantOfGrids { gridCode }',
      `, filter: { registeredAt: "${RENMIN}" }`,
    );
    expect(registered.nodes).toEqual([{ name: '张伟', assistantOfGrids: [] }]);
    const own = await members(renminAdmin, 'assistantOfGrids { gridCode }');
    expect(own.nodes).toEqual([{ name: '赵敏', assistantOfGrids: [{ gridCode: `${RENMIN}001` }] }]);
  });

  it('refuses a member outside the caller’s scope, as reading the member does', async () => {
    const { result } = await run(
      renminAdmin,
      `{ partyMember(id: "${wang}") { name assistantOfGrids { gridCode } } }`,
    );
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
  });

  it('reads the bindings through the assistant index', async () => {
    // Seq scans off (this transaction only): the table is tiny, the question is whether the index applies.
    const plan = await db.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL enable_seqscan = off`);
      const rows: { 'QUERY PLAN': string }[] = await m.query(
        `EXPLAIN SELECT * FROM party_branch_grid WHERE assistant_member_id IN ($1)`,
        [wang],
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/party_branch_grid_assistant_idx/);
  });
});
