import { AccountService } from '@gridgov/org-data-access';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { startTestGraph, type TestGraph } from '@gridgov/platform-testing';

// What the gateway refuses before any subgraph sees the request.
describe('gateway limits', () => {
  let graph: TestGraph;
  let token: string;

  beforeAll(async () => {
    graph = await startTestGraph((s) => [createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 })]);
    await AccountService.ensureInitialAdmin(graph.subgraphs['org'].dataSource, 'admin', 'admin-password');
    token = (await graph.query<{ login: { token: string } }>(`mutation { login(username: "admin", password: "admin-password") { token } }`))
      .data!.login.token;
  });
  afterAll(() => graph?.stop());

  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(graph.gateway.url, { method: 'POST', headers: { ...headers, authorization: `Bearer ${token}` }, body });

  it('refuses a query deeper than the depth limit', async () => {
    const deep = `{ adminUnit(code: "520303001001") { ${'parent { '.repeat(14)}code${' }'.repeat(14)} } }`;
    const result = await graph.query(deep, {}, token);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].message).toMatch(/depth/i);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: me { account { id } }`).join(' ');
    const result = await graph.query(`{ ${aliases} }`, {}, token);
    expect(result.errors?.[0].message).toMatch(/alias/i);
  });

  it('refuses batched HTTP requests', async () => {
    const response = await post(JSON.stringify([{ query: '{ me { account { id } } }' }, { query: '{ me { account { id } } }' }]));
    expect(response.status).toBe(400);
  });

  it('refuses a simple (CSRF-able) request', async () => {
    const response = await post(JSON.stringify({ query: '{ me { account { id } } }' }), { 'content-type': 'text/plain' });
    expect(response.status).toBe(400);
  });

  it('names the field of a malformed code in BAD_USER_INPUT', async () => {
    const result = await graph.query(
      `mutation { createAdminUnit(input: { code: "52030300100", name: "汇川区" }) { id } }`,
      {},
      token,
    );
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    expect(result.errors?.[0].message).toContain('input.code');
  });

  it('serves health, readiness and Prometheus metrics, and echoes the request id', async () => {
    for (const url of [graph.gateway.url, graph.subgraphs['org'].url]) {
      const base = url.replace(/\/graphql$/, '');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      expect(await (await fetch(`${base}/metrics`)).text()).toContain('http_requests_total');
    }
    const response = await fetch(graph.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-abc-123' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('req-abc-123');
  });

  it('hides introspection outside development', async () => {
    const result = await graph.query(`{ __schema { types { name } } }`, {}, token);
    expect(result.errors?.[0].message).toMatch(/introspection/i);
  });
});
