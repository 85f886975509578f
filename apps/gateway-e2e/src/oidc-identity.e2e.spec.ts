import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { Role } from '@gridgov/platform-auth';
import { AccountEntity, RoleGrantEntity } from '@gridgov/org-data-access';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { createIdentityResolver, orgAccountLookup } from '@gridgov/platform-gateway';
import { startTestGraph, type TestGraph } from '@gridgov/platform-testing';

const ISSUER = 'https://sso.example.test/realms/gov';

// An external OIDC token is verified through the issuer's JWKS and mapped to the linked account by org-service.
describe('OIDC identities', () => {
  let graph: TestGraph;
  let jwks: Server;
  let resolveIdentity: ReturnType<typeof createIdentityResolver>;
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const sign = (claims: object, options: jwt.SignOptions = {}) =>
    jwt.sign(claims, keys.privateKey, { algorithm: 'RS256', keyid: 'k1', issuer: ISSUER, audience: 'gridgov', expiresIn: 60, ...options });

  beforeAll(async () => {
    graph = await startTestGraph((s) => [createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 })]);
    const accounts = graph.subgraphs['org'].dataSource.getRepository(AccountEntity);
    const account = await accounts.save(
      accounts.create({ username: 'li.lei', displayName: '李雷', externalIssuer: ISSUER, externalSubject: 'sub-123' }),
    );
    await graph.subgraphs['org'].dataSource
      .getRepository(RoleGrantEntity)
      .save({ accountId: account.id, role: Role.LEADER, scopeCode: '520303' });
    const jwk = { ...keys.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' };
    jwks = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((done) => jwks.listen(0, '127.0.0.1', done));
    resolveIdentity = createIdentityResolver({
      accessTokenSecret: graph.secrets.accessTokenSecret,
      oidc: {
        issuer: ISSUER,
        jwksUri: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`,
        audience: 'gridgov',
        lookupAccount: orgAccountLookup(graph.subgraphs['org'].url, graph.secrets.privateKey),
      },
    });
  });
  afterAll(async () => {
    jwks?.close();
    await graph?.stop();
  });

  it('maps a valid token to the linked account and its grants', async () => {
    const identity = await resolveIdentity(`Bearer ${sign({ sub: 'sub-123' })}`);
    expect(identity).toMatchObject({ username: 'li.lei', grants: [{ role: 'LEADER', scopeCode: '520303' }] });
  });

  it.each([
    ['an unlinked subject', () => sign({ sub: 'nobody' })],
    ['an expired token', () => sign({ sub: 'sub-123' }, { expiresIn: -10 })],
    ['another audience', () => sign({ sub: 'sub-123' }, { audience: 'other' })],
  ])('refuses %s with UNAUTHENTICATED', async (_case, token) => {
    await expect(resolveIdentity(`Bearer ${token()}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
