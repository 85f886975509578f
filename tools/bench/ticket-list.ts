/**
 * 1 M tickets: loads them with one INSERT … SELECT generate_series (plus a CLOSE timeline entry
 * for each closed one), then measures at the ticket subgraph (HTTP, gateway-signed identity, no
 * gateway) the filtered, paginated grid list and the grid statistics, and prints their EXPLAIN
 * plans to show the indexes used. Aim: p95 < 50 ms. Takes a few minutes (the load).
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node tools/dev/run-ts.js tools/bench/ticket-list.ts
 * Options: --tickets 1000000 --requests 300
 */
import 'reflect-metadata';
import { Role } from '@gridgov/platform-auth';
import { IDENTITY_HEADER } from '@gridgov/platform-graphql';
import { startTestGraph } from '@gridgov/platform-testing';
import { createTicketSubgraph } from '@gridgov/ticket-graphql';
import { percentile, sequentialLatencies } from './bench-stats';

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TICKETS = option('tickets', 1_000_000);
const REQUESTS = option('requests', 300);
/** 10 streets × 10 communities × 10 grids of district 520303: ~1,000 tickets a grid over two years. */
const GRID_COUNT = 1000;
const gridCode = (i: number) =>
  `520303${String((i % 10) + 1).padStart(3, '0')}${String((Math.floor(i / 10) % 10) + 1).padStart(3, '0')}${String(Math.floor(i / 100) + 1).padStart(3, '0')}`;

const LIST = `query($grid: String!) {
  tickets(gridCode: $grid, first: 20, filter: { statuses: [CLOSED, VERIFIED, RESOLVED], categoryPrefix: "CITY_MANAGEMENT" }) {
    edges { cursor node { id number status categoryCode supervisionColor reportedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const STATS = `query($grid: String!, $from: DateTime!, $to: DateTime!) {
  ticketStats(scopeCode: $grid, from: $from, to: $to) {
    received closed closureRate onTimeRate satisfactionRate reworkRate overdue red averageHandlingHours
  }
}`;

async function main(): Promise<void> {
  const graph = await startTestGraph(() => [createTicketSubgraph()]);
  try {
    const ticket = graph.subgraphs['ticket'];
    const db = ticket.dataSource;
    const loadStart = Date.now();
    // Grids as in gridCode(); two years of reports from 2025-01-01; 40 % closed, 20 % rated, 5 % reworked.
    await db.query(
      `INSERT INTO ticket (number, grid_code, admin_unit_code, handling_unit_code, category_code, mode, status, title,
                           channel, reporter_id, reported_at, satisfaction, rework_count, overdue)
       SELECT 'B' || i, g, left(g, 12), left(g, 12),
              (ARRAY['CITY_MANAGEMENT.ROAD', 'CITY_MANAGEMENT.STREET_LIGHT', 'ENVIRONMENTAL_SANITATION.GARBAGE',
                     'DISPUTE.NEIGHBOURHOOD', 'ENVIRONMENTAL_PROTECTION.NOISE', 'FOOD_AND_DRUG.FOOD_SAFETY',
                     'SAFETY_PRODUCTION.FIRE', 'PROXY_SERVICE.ELDERLY_ALLOWANCE'])[1 + (i / 3) % 8],
              'COORDINATED',
              (ARRAY['CLOSED', 'CLOSED', 'CLOSED', 'CLOSED', 'VERIFIED', 'RESOLVED', 'IN_PROGRESS', 'ASSIGNED', 'ACCEPTED', 'REPORTED'])[1 + (i / 7) % 10],
              '压测事项', 'GRID_WORKER', '00000000-0000-4000-8000-00000000be00',
              timestamptz '2025-01-01 00:00:00+08' + i * interval '63 seconds',
              CASE WHEN i % 5 = 0 THEN 'SATISFIED' WHEN i % 23 = 0 THEN 'UNSATISFIED' END,
              CASE WHEN i % 20 = 0 THEN 1 ELSE 0 END,
              i % 17 = 0
         FROM generate_series(1, $1) AS i,
              LATERAL (SELECT '520303' || lpad((i % 10 + 1)::text, 3, '0') || lpad((i / 10 % 10 + 1)::text, 3, '0')
                               || lpad((i / 100 % 10 + 1)::text, 3, '0') AS g) grid`,
      [TICKETS],
    );
    await db.query(
      `INSERT INTO ticket_event (ticket_id, actor_id, at, action, from_status, to_status)
       SELECT id, reporter_id, reported_at + interval '3 days', 'CLOSE', 'VERIFIED', 'CLOSED' FROM ticket WHERE status = 'CLOSED'`,
    );
    await db.query(`ANALYZE ticket`);
    await db.query(`ANALYZE ticket_event`);
    const [{ n }] = (await db.query(`SELECT count(*) AS n FROM ticket`)) as { n: string }[];
    console.log(`loaded ${n} tickets (+ CLOSE entries) in ${((Date.now() - loadStart) / 1000).toFixed(0)} s`);

    const identity = graph.signIdentity('ticket', {
      accountId: '00000000-0000-4000-8000-00000000be01',
      username: 'bench.leader',
      grants: [{ role: Role.LEADER, scopeCode: '520303' }],
    });
    let i = 0;
    const send = (query: string, variables: () => Record<string, unknown>) => async () => {
      const response = await fetch(ticket.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: identity },
        body: JSON.stringify({ query, variables: variables() }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };
    // A different grid each request, so caches do not flatter the figures.
    const grid = () => gridCode((i++ * 37) % GRID_COUNT);
    const year = { from: '2025-06-01T00:00:00+08:00', to: '2026-06-01T00:00:00+08:00' };
    const list = send(LIST, () => ({ grid: grid() }));
    const stats = send(STATS, () => ({ grid: grid(), ...year }));
    for (let w = 0; w < 30; w++) {
      await list();
      await stats();
    }
    const row = (name: string, l: number[]) =>
      `${name.padEnd(34)} p50 ${percentile(l, 50).toFixed(1)} ms  p95 ${percentile(l, 95).toFixed(1)} ms  p99 ${percentile(l, 99).toFixed(1)} ms`;
    console.log(row('grid list (filtered, first 20)', await sequentialLatencies(REQUESTS, list)));
    console.log(row('grid statistics (one year)', await sequentialLatencies(REQUESTS, stats)));
    console.log('(aim: p95 < 50 ms at the subgraph)');

    const explain = async (title: string, sql: string, params: unknown[]) => {
      const plan = (await db.query(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, params)) as {
        'QUERY PLAN': string;
      }[];
      console.log(`\nEXPLAIN ${title}\n${plan.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}`);
    };
    const g = gridCode(123);
    await explain(
      'grid list',
      `SELECT id FROM ticket t WHERE t.grid_code = $1 AND t.status IN ('CLOSED', 'VERIFIED', 'RESOLVED')
         AND (t.category_code = 'CITY_MANAGEMENT' OR t.category_code LIKE 'CITY\\_MANAGEMENT.%')
       ORDER BY t.reported_at DESC, t.id DESC LIMIT 21`,
      [g],
    );
    await explain(
      'grid statistics',
      `SELECT count(*), count(*) FILTER (WHERE t.status = 'CLOSED'), avg(extract(epoch FROM c.at - t.reported_at))
         FROM ticket t LEFT JOIN LATERAL (SELECT max(e.at) AS at FROM ticket_event e WHERE e.ticket_id = t.id AND e.action = 'CLOSE') c
           ON t.status = 'CLOSED'
        WHERE t.reported_at >= $2 AND t.reported_at < $3 AND t.grid_code = $1`,
      [g, year.from, year.to],
    );
  } finally {
    await graph.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
