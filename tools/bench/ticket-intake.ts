/**
 * Ticket intake through the gateway: grid workers report tickets (category lookup, SLA clock,
 * timeline entry, outbox row) with many requests in flight; prints tickets/s and latency
 * percentiles. Aim: ≥ 300 tickets/s.
 *
 * Self-contained (gateway, org-service and ticket-service share this process and its 2 cores):
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node tools/dev/run-ts.js tools/bench/ticket-intake.ts
 * Options: --count 3000 --concurrency 32
 */
import 'reflect-metadata';
import { hashPassword, Role } from '@gridgov/platform-auth';
import { AccountEntity, RoleGrantEntity } from '@gridgov/org-data-access';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { startTestGraph } from '@gridgov/platform-testing';
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
    const login = await graph.query<{ login: { token: string } }>(
      `mutation { login(username: "bench.worker", password: "bench-pass") { token } }`,
    );
    const token = login.data!.login.token;
    let n = 0;
    const report = async () => {
      const i = n++;
      const result = await graph.query(
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
        `p50 ${percentile(latencies, 50).toFixed(1)} ms  p95 ${percentile(latencies, 95).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms (aim: ≥ 300/s)`,
    );
  } finally {
    await graph.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
