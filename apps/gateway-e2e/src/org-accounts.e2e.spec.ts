import { AccountService } from '@gridgov/org-data-access';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { startTestGraph, type GraphQLResult, type TestGraph } from '@gridgov/platform-testing';

// Departments and account administration by a district admin, scoped and audited, through the gateway.
describe('departments and account management', () => {
  let graph: TestGraph;
  let admin: string;
  let district: string;
  const send = <T>(token: string, query: string, variables: Record<string, unknown> = {}) =>
    graph.query<T>(query, variables, token);
  const run = async <T>(token: string, query: string, variables: Record<string, unknown> = {}) => {
    const result = await send<T>(token, query, variables);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };
  const login = async (username: string, password: string) => {
    const result = await graph.query<{ login: { token: string } }>(
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
      { u: username, p: password },
    );
    return result;
  };
  const tokenOf = async (username: string, password: string) =>
    (await login(username, password)).data?.login.token as string;
  const codeOf = (result: GraphQLResult<unknown>) => result.errors?.[0].extensions?.['code'];
  const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id username } }`;
  const GRANT = `mutation($input: GrantRoleInput!) { grantRole(input: $input) { id role scopeCode departmentId } }`;

  let departmentId: string;
  let handlerId: string;
  let gridGrantId: string;

  beforeAll(async () => {
    graph = await startTestGraph((s) => [
      createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
    ]);
    await AccountService.ensureInitialAdmin(graph.subgraphs['org'].dataSource, 'admin', 'correct horse');
    admin = await tokenOf('admin', 'correct horse');
    const units: [string, string, string | null][] = [
      ['520300000000', '遵义市', null],
      ['520302000000', '红花岗区', '520300000000'],
      ['520303000000', '汇川区', '520300000000'],
      ['520303001000', '上海路街道', '520303000000'],
      ['520303002000', '高桥街道', '520303000000'],
    ];
    for (const [code, name, parentCode] of units) {
      await run(admin, `mutation($input: CreateAdminUnitInput!) { createAdminUnit(input: $input) { id } }`, {
        input: { code, name, parentCode },
      });
    }
    const created = await run<{ createAccount: { id: string } }>(admin, CREATE_ACCOUNT, {
      input: {
        username: 'hc.admin',
        displayName: '汇川区管理员',
        password: 'district-pass-1',
        unitCode: '520303000000',
      },
    });
    const grant = await run<{ grantRole: { scopeCode: string } }>(admin, GRANT, {
      input: { accountId: created.createAccount.id, role: 'UNIT_ADMIN', unitCode: '520303000000' },
    });
    expect(grant.grantRole.scopeCode).toBe('520303');
    district = await tokenOf('hc.admin', 'district-pass-1');
  });
  afterAll(() => graph?.stop());

  it('creates a department and a handler account granted at it and at a grid', async () => {
    const dept = await run<{ createDepartment: { id: string } }>(
      district,
      `mutation { createDepartment(input: { unitCode: "520303001000", name: "上海路街道城管中队", kind: URBAN_MANAGEMENT }) { id } }`,
    );
    departmentId = dept.createDepartment.id;
    const handler = await run<{ createAccount: { id: string } }>(district, CREATE_ACCOUNT, {
      input: {
        username: 'sh.cg1',
        displayName: '城管队员',
        password: 'handler-pass-1',
        unitCode: '520303001000',
      },
    });
    handlerId = handler.createAccount.id;
    await run(district, GRANT, { input: { accountId: handlerId, role: 'DEPARTMENT_HANDLER', departmentId } });
    const grid = await run<{ grantRole: { id: string; scopeCode: string } }>(district, GRANT, {
      input: { accountId: handlerId, role: 'GRID_HELPER', gridCode: '520303001001001' },
    });
    gridGrantId = grid.grantRole.id;
    expect(grid.grantRole.scopeCode).toBe('520303001001001');

    const handlerToken = await tokenOf('sh.cg1', 'handler-pass-1');
    const me = await run<{ me: { grants: { role: string; departmentId: string | null }[] } }>(
      handlerToken,
      `{ me { grants { role departmentId } } }`,
    );
    expect(me.me.grants).toEqual([
      { role: 'DEPARTMENT_HANDLER', departmentId },
      { role: 'GRID_HELPER', departmentId: null },
    ]);
    const read = await run<{ department: { name: string } }>(
      handlerToken,
      `query($id: ID!) { department(id: $id) { name } }`,
      {
        id: departmentId,
      },
    );
    expect(read.department.name).toBe('上海路街道城管中队');

    const listed = await run<{
      departments: { edges: { node: { name: string; handlers: { username: string }[] } }[] };
    }>(
      district,
      `{ departments(filter: { unitCode: "520303001000" }) { edges { node { name handlers { username } } } } }`,
    );
    expect(listed.departments.edges).toEqual([
      { node: { name: '上海路街道城管中队', handlers: [{ username: 'sh.cg1' }] } },
    ]);
  });

  it('refuses grants outside the scope and PLATFORM_ADMIN from a unit admin, writing nothing', async () => {
    const outside = await send(district, GRANT, {
      input: { accountId: handlerId, role: 'UNIT_ADMIN', unitCode: '520302000000' },
    });
    expect(codeOf(outside)).toBe('FORBIDDEN');
    const platform = await send(district, GRANT, { input: { accountId: handlerId, role: 'PLATFORM_ADMIN' } });
    expect(codeOf(platform)).toBe('FORBIDDEN');
    const badGrid = await send(district, GRANT, {
      input: { accountId: handlerId, role: 'GRID_WORKER', gridCode: '5203' },
    });
    expect(codeOf(badGrid)).toBe('BAD_USER_INPUT');
    expect(badGrid.errors?.[0].message).toContain('input.gridCode');
    const grants = await run<{
      accounts: { edges: { node: { username: string; grants: { role: string }[] } }[] };
    }>(district, `{ accounts { edges { node { username grants { role } } } } }`);
    expect(grants.accounts.edges.map((e) => e.node)).toEqual([
      { username: 'hc.admin', grants: [{ role: 'UNIT_ADMIN' }] },
      { username: 'sh.cg1', grants: [{ role: 'DEPARTMENT_HANDLER' }, { role: 'GRID_HELPER' }] },
    ]);
  });

  it('resets a password, revokes a grant and disables the account', async () => {
    await run(
      district,
      `mutation($id: ID!) { resetAccountPassword(id: $id, newPassword: "new-handler-pass") { id } }`,
      {
        id: handlerId,
      },
    );
    expect(codeOf(await login('sh.cg1', 'handler-pass-1'))).toBe('UNAUTHENTICATED');
    expect((await login('sh.cg1', 'new-handler-pass')).errors).toBeUndefined();

    const revoked = await run<{ revokeRole: { role: string } }>(
      district,
      `mutation($id: ID!) { revokeRole(grantId: $id) { role } }`,
      {
        id: gridGrantId,
      },
    );
    expect(revoked.revokeRole.role).toBe('GRID_HELPER');

    await run(district, `mutation($id: ID!) { setAccountDisabled(id: $id, disabled: true) { disabled } }`, {
      id: handlerId,
    });
    expect(codeOf(await login('sh.cg1', 'new-handler-pass'))).toBe('UNAUTHENTICATED');
  });

  it('audits every change, readable within the reader’s scope only', async () => {
    const audit = await run<{
      accountAudit: {
        edges: { node: { action: string; scopeCode: string; before: unknown; after: unknown } }[];
      };
    }>(
      district,
      `query($id: ID) { accountAudit(accountId: $id) { edges { node { action scopeCode before after } } } }`,
      {
        id: handlerId,
      },
    );
    expect(audit.accountAudit.edges.map((e) => e.node.action)).toEqual([
      'DISABLE',
      'REVOKE_ROLE',
      'RESET_PASSWORD',
      'GRANT_ROLE',
      'GRANT_ROLE',
      'CREATE',
    ]);
    expect(audit.accountAudit.edges[0].node).toMatchObject({
      scopeCode: '520303001',
      before: { disabled: false },
      after: { disabled: true },
    });
    expect(audit.accountAudit.edges[1].node).toMatchObject({
      scopeCode: '520303001001001',
      before: { role: 'GRID_HELPER' },
      after: null,
    });

    // A street admin of 高桥 sees nothing of 上海路's changes.
    const street = await run<{ createAccount: { id: string } }>(district, CREATE_ACCOUNT, {
      input: {
        username: 'gq.admin',
        displayName: '高桥街道管理员',
        password: 'street-pass-1',
        unitCode: '520303002000',
      },
    });
    await run(district, GRANT, {
      input: { accountId: street.createAccount.id, role: 'UNIT_ADMIN', unitCode: '520303002000' },
    });
    const streetToken = await tokenOf('gq.admin', 'street-pass-1');
    const seen = await run<{ accountAudit: { edges: { node: { accountId: string } }[] } }>(
      streetToken,
      `{ accountAudit { edges { node { accountId } } } }`,
    );
    expect(seen.accountAudit.edges.every((e) => e.node.accountId === street.createAccount.id)).toBe(true);
    expect(seen.accountAudit.edges).toHaveLength(2);
    const disable = await send(
      streetToken,
      `mutation($id: ID!) { setAccountDisabled(id: $id, disabled: false) { id } }`,
      {
        id: handlerId,
      },
    );
    expect(codeOf(disable)).toBe('FORBIDDEN');
  });
});
