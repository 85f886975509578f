/**
 * The cost of the gateway: the same query sent through the gateway (bearer token, query plan
 * cached after warm-up) and straight to org-service (gateway-signed identity header). Prints
 * latency percentiles, throughput and the ratios. Aim: latency ratio ≤ 1.5.
 *
 * Against the system `npm start` runs (separate processes, as deployed; secrets from .data/):
 *   node tools/dev/run-ts.js tools/bench/gateway-overhead.ts --running
 * Self-contained (gateway and subgraph share this process, so the ratio is pessimistic):
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node tools/dev/run-ts.js tools/bench/gateway-overhead.ts
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Role, signIdentityToken } from '@gridgov/platform-auth';
import { IDENTITY_HEADER } from '@gridgov/platform-graphql';
import { AccountService, AdminUnitService } from '@gridgov/org-data-access';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { callerWith, startTestGraph } from '@gridgov/platform-testing';
import { percentile, sequentialLatencies, throughput } from './bench-stats';

const QUERY = '{ adminUnits(first: 20) { edges { node { code name level } } } }';
const WARM_UP = 300;
const SEQUENTIAL = 2000;
const CONCURRENT = 4000;
const CONCURRENCY = 16;

interface Target {
  gatewayUrl: string;
  subgraphUrl: string;
  token: string;
  identityToken(): string;
}

async function measure({ gatewayUrl, subgraphUrl, token, identityToken }: Target): Promise<void> {
  const viaGateway = () => send(gatewayUrl, { authorization: `Bearer ${token}` });
  // A fresh identity token per request, as the gateway makes one per subgraph fetch.
  const direct = () => send(subgraphUrl, { [IDENTITY_HEADER]: identityToken() });
  for (let i = 0; i < WARM_UP; i++) {
    await viaGateway();
    await direct();
  }
  const gatewayLatency = await sequentialLatencies(SEQUENTIAL, viaGateway);
  const directLatency = await sequentialLatencies(SEQUENTIAL, direct);
  const gatewayRps = await throughput(CONCURRENT, CONCURRENCY, viaGateway);
  const directRps = await throughput(CONCURRENT, CONCURRENCY, direct);
  const row = (name: string, l: number[], rps: number) =>
    `${name.padEnd(10)} p50 ${percentile(l, 50).toFixed(2)} ms  p95 ${percentile(l, 95).toFixed(2)} ms  p99 ${percentile(l, 99).toFixed(2)} ms  ${rps.toFixed(0)} req/s (${CONCURRENCY} in flight)`;
  console.log(row('gateway', gatewayLatency, gatewayRps));
  console.log(row('subgraph', directLatency, directRps));
  console.log(
    `ratio      p50 latency ${(percentile(gatewayLatency, 50) / percentile(directLatency, 50)).toFixed(2)}x  ` +
      `p95 latency ${(percentile(gatewayLatency, 95) / percentile(directLatency, 95)).toFixed(2)}x  ` +
      `throughput ${(gatewayRps / directRps).toFixed(2)}x (aim: latency ≤ 1.5x)`,
  );
}

const ADMIN = { accountId: 'bench', grants: [{ role: Role.PLATFORM_ADMIN, scopeCode: '' }] };

/** The system `npm start` runs: gateway :4000, org-service :4001, secrets in .data/secrets.json. */
async function measureRunning(): Promise<void> {
  const secrets = JSON.parse(readFileSync('.data/secrets.json', 'utf8')) as Record<string, string>;
  const login = await fetch('http://127.0.0.1:4000/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation($p: String!) { login(username: "admin", password: $p) { token } }`, variables: { p: secrets['ADMIN_PASSWORD'] } }),
  });
  const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
  await measure({
    gatewayUrl: 'http://127.0.0.1:4000/graphql',
    subgraphUrl: 'http://127.0.0.1:4001/graphql',
    token,
    identityToken: () => signIdentityToken(ADMIN, { privateKey: secrets['GATEWAY_PRIVATE_KEY'], audience: 'org' }),
  });
}

async function measureInProcess(): Promise<void> {
  const graph = await startTestGraph((s) => [createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 })]);
  try {
    const org = graph.subgraphs['org'];
    await AccountService.ensureInitialAdmin(org.dataSource, 'admin', 'bench-password');
    const units = new AdminUnitService(org.dataSource, callerWith({ role: Role.PLATFORM_ADMIN, scopeCode: '' }));
    await units.create({ code: '520300000000', name: '遵义市' });
    for (let i = 1; i <= 30; i++) {
      await units.create({ code: `5203${String(i).padStart(2, '0')}000000`, name: `区县${i}`, parentCode: '520300000000' });
    }
    const login = await graph.query<{ login: { token: string } }>(`mutation { login(username: "admin", password: "bench-password") { token } }`);
    await measure({
      gatewayUrl: graph.gateway.url,
      subgraphUrl: org.url,
      token: login.data!.login.token,
      identityToken: () => graph.signIdentity('org', ADMIN),
    });
  } finally {
    await graph.stop();
  }
}

async function send(url: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

(process.argv.includes('--running') ? measureRunning() : measureInProcess()).catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
