/**
 * Ticket intake through the gateway: grid workers report tickets (category lookup, SLA clock,
 * timeline entry, outbox row) with many requests in flight; prints tickets/s, latency percentiles
 * and the SQL statements ticket-service sent per report. Aim: ≥ 300 tickets/s.
 *
 * Self-contained (gateway, org-service and ticket-service share this process):
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node tools/dev/run-ts.js tools/bench/ticket-intake.ts
 * With --split, ticket-service runs in a child process of its own (as deployed: its own core),
 * gateway and org-service in this one. Options: --count 3000 --concurrency 32 --split
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { hashPassword, Role } from '@gridgov/platform-auth';
import { composeSupergraph, startSubgraph } from '@gridgov/platform-graphql';
import { type RunningGateway, startGateway } from '@gridgov/platform-gateway';
import { AccountEntity, RoleGrantEntity } from '@gridgov/org-data-access';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import {
  countStatements,
  freshSchemaName,
  startTestGraph,
  type TestGraph,
  testDatabaseUrl,
} from '@gridgov/platform-testing';
import { createTicketSubgraph } from '@gridgov/ticket-graphql';
import { percentile } from './bench-stats';

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COUNT = option('count', 3000);
const CONCURRENCY = option('concurrency', 32);
const WARM_UP = 200;
const GRIDS = Array.from({ length: 10 }, (_, i) => `520303001001${String(i + 1).padStart(3, '0')}`);
const CATEGORIES = [
  'CITY_MANAGEMENT.ROAD',
  'ENVIRONMENTAL_SANITATION.GARBAGE',
  'DISPUTE.NEIGHBOURHOOD',
  'FOOD_AND_DRUG.FOOD_SAFETY',
];
const REPORT = `mutation($input: ReportTicketInput!) { reportTicket(input: $input) { id number status } }`;

async function main(): Promise<void> {
  const graph = await startTestGraph((s) => [
    createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
    createTicketSubgraph(),
  ]);
  let split: Split | null = null;
  try {
    const org = graph.subgraphs['org'].dataSource;
    const account = await org.getRepository(AccountEntity).save({
      username: 'bench.worker',
      displayName: 'bench',
      passwordHash: await hashPassword('bench-pass'),
    });
    // Community staff: may report in every grid of the community.
    await org
      .getRepository(RoleGrantEntity)
      .save({ accountId: account.id, role: Role.COMMUNITY_STAFF, scopeCode: '520303001001' });
    if (process.argv.includes('--split')) split = await splitGateway(graph);
    const gatewayUrl = split?.gateway.url ?? graph.gateway.url;
    const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: { login?: { token: string } }; errors?: unknown };
    };
    const login = await post(
      `mutation { login(username: "bench.worker", password: "bench-pass") { token } }`,
      {},
    );
    const token = login.data!.login!.token;
    let n = 0;
    const report = async () => {
      const i = n++;
      const result = await post(
        REPORT,
        {
          input: {
            gridCode: GRIDS[i % GRIDS.length],
            categoryCode: CATEGORIES[i % CATEGORIES.length],
            channel: 'GRID_WORKER',
            title: `压测事项 ${i}`,
            location: { longitude: 106.93 + (i % 100) * 0.001, latitude: 27.7 + (i % 37) * 0.001 },
          },
        },
        token,
      );
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    };
    for (let i = 0; i < WARM_UP; i++) await report();
    const statements = split?.statements ?? inProcessCounter(graph);
    await statements.reset();

    const latencies: number[] = [];
    let next = 0;
    const start = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < COUNT) {
          const t = process.hrtime.bigint();
          await report();
          latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    latencies.sort((a, b) => a - b);
    console.log(
      `ticket intake via gateway: ${COUNT} tickets, ${CONCURRENCY} in flight: ${(COUNT / seconds).toFixed(0)} tickets/s  ` +
        `p50 ${percentile(latencies, 50).toFixed(1)} ms  p95 ${percentile(latencies, 95).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms (aim: ≥ 300/s)  ` +
        `${((await statements.count()) / COUNT).toFixed(2)} SQL statements per report`,
    );
  } finally {
    await split?.gateway.stop();
    split?.stop();
    await graph.stop();
  }
}

/** Statements the ticket subgraph sends to PostgreSQL (in this process or the --split child). */
interface StatementCounter {
  reset(): Promise<void>;
  count(): Promise<number>;
}

interface Split {
  gateway: RunningGateway;
  statements: StatementCounter;
  stop(): void;
}

function inProcessCounter(graph: TestGraph): StatementCounter {
  const counter = countStatements(graph.subgraphs['ticket'].dataSource);
  return { reset: async () => counter.reset(), count: async () => counter.count };
}

/** --split: a second gateway whose ticket subgraph runs in a child process (its own core, as deployed). */
async function splitGateway(graph: TestGraph): Promise<Split> {
  // Through the TypeScript runner again (Node does not load .ts by itself).
  const child = fork(join(__dirname, '../dev/run-ts.js'), [process.argv[1], '--child'], {
    env: { ...process.env, BENCH_PUBLIC_KEY: graph.secrets.publicKey },
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve(String(m)));
    child.once('exit', (code) => reject(new Error(`ticket subgraph child exited with ${code}`)));
  });
  const gateway = await startGateway({
    port: 0,
    nodeEnv: 'test',
    supergraphSdl: await composeSupergraph([
      {
        definition: createOrgSubgraph({ secret: graph.secrets.accessTokenSecret, ttlSeconds: 3600 }),
        url: graph.subgraphs['org'].url,
      },
      { definition: createTicketSubgraph(), url },
    ]),
    identityPrivateKey: graph.secrets.privateKey,
    accessTokenSecret: graph.secrets.accessTokenSecret,
    subgraphTimeoutMs: 5_000,
    limits: { maxDepth: 12, maxAliases: 30, maxCost: 20_000, maxTokens: 2_000 },
  });
  // The child answers each request with its count (after resetting it for `reset`).
  const ask = (request: 'reset' | 'count') =>
    new Promise<number>((resolve) => {
      child.once('message', (m) => resolve(Number(m)));
      child.send(request);
    });
  return {
    gateway,
    statements: { reset: async () => void (await ask('reset')), count: () => ask('count') },
    stop: () => child.kill(),
  };
}

/** The child of --split: serves the ticket subgraph in a schema of its own (left behind; it is a bench). */
async function child(): Promise<void> {
  const subgraph = await startSubgraph(createTicketSubgraph(), {
    port: 0,
    databaseUrl: testDatabaseUrl(),
    databaseSchema: freshSchemaName('ticket'),
    poolSize: 8,
    gatewayPublicKey: process.env['BENCH_PUBLIC_KEY'] ?? '',
    nodeEnv: 'test',
  });
  const statements = countStatements(subgraph.dataSource);
  process.on('message', (request) => {
    if (request === 'reset') statements.reset();
    process.send?.(statements.count);
  });
  process.send?.(subgraph.url);
  // A normal exit on kill, so `node --cpu-prof` writes this process's profile too.
  process.once('SIGTERM', () => process.exit(0));
}

(process.argv.includes('--child') ? child() : main()).catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
