/**
 * A monthly star rating (月度评星定级) of 10,000 grid workers over 1,000,000 tickets of the month:
 * the real subgraphs and gateway in this process, facts read through the gateway by the assessment
 * service identity, results written as immutable snapshots. Prints the time of `runAssessment`.
 * Aim: < 30 s.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node tools/dev/run-ts.js tools/bench/assessment-run.ts
 * Smaller: WORKERS=1000 TICKETS=100000 …
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Role, signAccessToken } from '@gridgov/platform-auth';
import { startTestGraph, type TestGraph } from '@gridgov/platform-testing';
import { createAssessmentSubgraph } from '@gridgov/assessment-graphql';
import { createGridSubgraph } from '@gridgov/grid-graphql';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { createTicketSubgraph } from '@gridgov/ticket-graphql';

const WORKERS = Number(process.env['WORKERS'] ?? 10_000);
const TICKETS = Number(process.env['TICKETS'] ?? 1_000_000);
const PERIOD = '2026-10';
const PERIOD_START = '2026-10-01T00:00:00+08:00';
/** Grid i: 10 streets × 100 communities × 10 grids under 汇川区 (520303). */
const GRID_CODE = (i: string) =>
  `'520303' || lpad((${i} / 1000 % 10 + 1)::text, 3, '0') || lpad((${i} / 10 % 100 + 1)::text, 3, '0') || lpad((${i} % 10 + 1)::text, 3, '0')`;

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

async function main(): Promise<void> {
  let graph: TestGraph | undefined;
  graph = await startTestGraph((s) => [
    createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
    createGridSubgraph(),
    createTicketSubgraph(),
    createAssessmentSubgraph({
      facts: { gatewayUrl: () => graph!.gateway.url, accessTokenSecret: s.accessTokenSecret },
    }),
  ]);
  try {
    let started = performance.now();
    await graph.subgraphs['org'].dataSource.query(
      `WITH a AS (
         INSERT INTO account (username, display_name)
         SELECT 'bench.gw' || i, '网格员' || i FROM generate_series(0, $1 - 1) i RETURNING id, username)
       INSERT INTO role_grant (account_id, role, scope_code)
       SELECT a.id, 'GRID_WORKER', ${GRID_CODE('n')} FROM a, LATERAL (SELECT substring(a.username FROM 9)::int AS n) x`,
      [WORKERS],
    );
    await graph.subgraphs['ticket'].dataSource.query(
      `INSERT INTO ticket (number, grid_code, admin_unit_code, handling_unit_code, category_code, mode, status, title,
                          channel, reporter_id, reported_at, overdue, supervised, satisfaction, rework_count)
       SELECT 'B' || i, g.code, left(g.code, 12), left(g.code, 12), 'CITY_MANAGEMENT', 'COORDINATED',
              CASE WHEN i % 10 < 8 THEN 'CLOSED' ELSE 'IN_PROGRESS' END, '基准事项', 'GRID_WORKER', $3,
              $2::timestamptz + (i % 43200) * interval '1 minute', i % 7 = 0, i % 997 = 0,
              CASE WHEN i % 10 >= 8 THEN NULL WHEN i % 20 = 1 THEN 'UNSATISFIED' ELSE 'SATISFIED' END,
              CASE WHEN i % 50 = 0 THEN 1 ELSE 0 END
         FROM generate_series(0, $1 - 1) i, LATERAL (SELECT ${GRID_CODE(`(i % ${WORKERS})`)} AS code) g`,
      [TICKETS, PERIOD_START, randomUUID()],
    );
    await graph.subgraphs['ticket'].dataSource.query(`ANALYZE ticket`);
    console.log(`seeded ${WORKERS} grid workers and ${TICKETS} tickets in ${seconds(started)} s`);

    const admin = signAccessToken(
      { sub: randomUUID(), usr: 'bench.assessor', grants: [{ role: Role.ASSESSOR, scopeCode: '520303' }] },
      graph.secrets.accessTokenSecret,
      3600,
    );
    const created = await graph.query<{ createAssessmentScheme: { id: string } }>(
      `mutation C($input: CreateAssessmentSchemeInput!) { createAssessmentScheme(input: $input) { id } }`,
      {
        input: {
          name: '网格员月度评星定级（基准）',
          subjectKind: 'GRID_WORKER',
          periodKind: 'MONTH',
          totalScale: 100,
          ownerUnitCode: '520303',
          starThresholds: [60, 70, 80, 90, 95],
          indicators: [
            {
              code: 'closure',
              name: '办结率',
              kind: 'AUTOMATIC',
              sourceMetric: 'TICKETS_CLOSURE_RATE',
              weight: 25,
            },
            {
              code: 'on_time',
              name: '按时办结率',
              kind: 'AUTOMATIC',
              sourceMetric: 'TICKETS_ON_TIME_RATE',
              weight: 25,
            },
            {
              code: 'satisfaction',
              name: '满意率',
              kind: 'AUTOMATIC',
              sourceMetric: 'TICKETS_SATISFACTION_RATE',
              weight: 30,
            },
            {
              code: 'visits',
              name: '走访完成率',
              kind: 'AUTOMATIC',
              sourceMetric: 'VISITS_COMPLETION_RATE',
              weight: 10,
            },
            {
              code: 'secretary',
              name: '社区书记评议',
              kind: 'MANUAL',
              manualSource: 'SECRETARY_REVIEW',
              weight: 10,
            },
          ],
          rules: [
            {
              code: 'red',
              description: '有红色督办事项最高三星',
              input: 'tickets.redCount',
              operator: 'GT',
              value: 0,
              effect: 'MAX_STARS',
              stars: 3,
            },
          ],
        },
      },
      admin,
    );
    const schemeId = created.data!.createAssessmentScheme.id;
    await graph.query(
      `mutation A($id: ID!) { activateAssessmentScheme(id: $id) { id } }`,
      { id: schemeId },
      admin,
    );

    // The mutation goes straight to assessment-service (the test gateway gives up on a subgraph after
    // 5 s); the facts it reads still go through the gateway.
    const identity = graph.signIdentity('assessment', {
      accountId: randomUUID(),
      grants: [{ role: Role.ASSESSOR, scopeCode: '520303' }],
    });
    for (const attempt of [1, 2]) {
      started = performance.now();
      const { body } = await graph.querySubgraph(
        'assessment',
        `mutation { runAssessment(schemeId: "${schemeId}", period: "${PERIOD}") { version subjectCount } }`,
        identity,
      );
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      const run = (body.data as { runAssessment: { version: number; subjectCount: number } }).runAssessment;
      console.log(
        `run ${attempt}: version ${run.version}, ${run.subjectCount} grid workers over ${TICKETS} tickets in ${seconds(started)} s (aim < 30 s)`,
      );
    }
  } finally {
    await graph.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
