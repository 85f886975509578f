import { generateKeyPairSync } from 'node:crypto';
import { Role, signIdentityToken } from '@gridgov/platform-auth';
import { AccountService } from '@gridgov/org-data-access';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { startTestGraph, type TestGraph } from '@gridgov/platform-testing';

// Sign-in through the gateway, and no way around it to a subgraph.
describe('identity through the gateway', () => {
  let graph: TestGraph;

  beforeAll(async () => {
    graph = await startTestGraph((s) => [createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 })]);
    await AccountService.ensureInitialAdmin(graph.subgraphs['org'].dataSource, 'admin', 'correct horse');
  });
  afterAll(() => graph?.stop());

  it('logs in and answers `me` with the admin’s platform-wide grant', async () => {
    const login = await graph.query<{ login: { token: string } }>(
      `mutation { login(username: "admin", password: "correct horse") { token account { username } } }`,
    );
    expect(login.errors).toBeUndefined();
    const me = await graph.query<{ me: { account: { username: string }; grants: { role: string; scopeCode: string }[] } }>(
      `{ me { account { username } grants { role scopeCode } } }`,
      {},
      login.data!.login.token,
    );
    expect(me.data?.me).toEqual({ account: { username: 'admin' }, grants: [{ role: 'PLATFORM_ADMIN', scopeCode: '' }] });
  });

  it('refuses a wrong password with UNAUTHENTICATED and no token', async () => {
    const result = await graph.query(`mutation { login(username: "admin", password: "wrong") { token } }`);
    expect(result.errors?.[0].extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });

  it('answers UNAUTHENTICATED to a request without a token', async () => {
    const result = await graph.query(`{ me { account { id } } }`);
    expect(result.errors?.[0].extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('answers UNAUTHENTICATED to a forged bearer token', async () => {
    const result = await graph.query(`{ me { account { id } } }`, {}, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad');
    expect(result.errors?.[0].extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('refuses requests sent straight to a subgraph without or with a forged identity, _service and _entities included', async () => {
    const admin = { accountId: 'x', grants: [{ role: Role.PLATFORM_ADMIN, scopeCode: '' }] };
    const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const forged = signIdentityToken(admin, { privateKey: otherKey, audience: 'org' });
    const forOtherSubgraph = graph.signIdentity('grid', admin);
    for (const query of ['{ _service { sdl } }', '{ _entities(representations: [{ __typename: "AdminUnit", id: "x" }]) { __typename } }']) {
      for (const token of [undefined, forged, forOtherSubgraph]) {
        const response = await graph.querySubgraph('org', query, token);
        expect(response.status).toBe(401);
        expect(response.body.errors?.[0].extensions?.['code']).toBe('UNAUTHENTICATED');
      }
    }
    const genuine = await graph.querySubgraph('org', '{ _service { sdl } }', graph.signIdentity('org', admin));
    expect(genuine.status).toBe(200);
  });
});
