import { DEMO_ACCOUNTS } from '@gridgov/platform-auth';
import { createLogger } from '@gridgov/platform-observability';
import type { SubgraphDefinition } from '@gridgov/platform-graphql';
import { startTestGraph, type TestGraph } from '@gridgov/platform-testing';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { DEMO_PASSWORD } from '@gridgov/org-data-access';
import { createGridSubgraph } from '@gridgov/grid-graphql';
import { createTicketSubgraph } from '@gridgov/ticket-graphql';
import { createAssessmentSubgraph } from '@gridgov/assessment-graphql';
import {
  AssessmentPeriodKind,
  AssessmentRunService,
  GatewayFactSource,
  periodAt,
} from '@gridgov/assessment-data-access';
import { enqueueDemoRuns, processAssessmentJob } from '@gridgov/assessment-jobs';

type Ranked = { subjectId: string; total: number; flags: string[]; firedRules: { code: string }[] };

// What `npm start` shows a newcomer: every subgraph's demo seed, then the demo runs of the current
// period, reading the demo grid workers' tickets through the gateway as the worker does.
describe('demo data across the contexts', () => {
  let graph: TestGraph;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let definitions: SubgraphDefinition<any>[];

  beforeAll(async () => {
    graph = await startTestGraph((s) => {
      definitions = [
        createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
        createGridSubgraph(),
        createTicketSubgraph(),
        createAssessmentSubgraph({
          facts: { gatewayUrl: () => graph.gateway.url, accessTokenSecret: s.accessTokenSecret },
        }),
      ];
      return definitions;
    });
    // `npm start` seeds each subgraph before it listens, and starts the gateway after all of them.
    const log = createLogger('demo-e2e', 'silent');
    for (const definition of definitions)
      await definition.seedDemo?.(graph.subgraphs[definition.name].dataSource, log);
  }, 120_000);
  afterAll(() => graph?.stop());

  it('ranks the two demo grid workers apart, explained by their closed and rated tickets', async () => {
    const dataSource = graph.subgraphs['assessment'].dataSource;
    const runs = new AssessmentRunService(
      dataSource,
      new GatewayFactSource({
        gatewayUrl: () => graph.gateway.url,
        accessTokenSecret: graph.secrets.accessTokenSecret,
      }),
    );
    // The worker's path without Redis: the demo runs queued, each processed as the run job.
    await enqueueDemoRuns(
      {
        enqueueRun: (schemeId, period) =>
          processAssessmentJob({ kind: 'run', schemeId, period }, runs, dataSource, async () => undefined),
      },
      dataSource,
    );

    const login = await graph.query<{ login: { token: string } }>(
      `mutation { login(username: "district.admin", password: "${DEMO_PASSWORD}") { token } }`,
    );
    const token = login.data?.login.token;
    const schemes = await graph.query<{
      assessmentSchemes: { edges: { node: { id: string; name: string } }[] };
    }>(`{ assessmentSchemes(first: 10) { edges { node { id name } } } }`, {}, token);
    const scheme = schemes.data?.assessmentSchemes.edges.find((e) => e.node.name === '网格员月度评星定级')
      ?.node.id;
    const ranking = await graph.query<{ zhuhai: Ranked[]; renmin: Ranked[] }>(
      `query R($s: ID!, $p: String!) {
        zhuhai: assessmentRanking(schemeId: $s, period: $p, unitCode: "520303001001") { subjectId total flags firedRules { code } }
        renmin: assessmentRanking(schemeId: $s, period: $p, unitCode: "520303001002") { subjectId total flags firedRules { code } }
      }`,
      { s: scheme, p: periodAt(AssessmentPeriodKind.MONTH, new Date()).key },
      token,
    );
    expect(ranking.errors).toBeUndefined();
    const [zhuhai] = ranking.data?.zhuhai ?? [];
    const [renmin] = ranking.data?.renmin ?? [];
    expect(zhuhai.subjectId).toBe(DEMO_ACCOUNTS['zhuhai.gw1'].id);
    expect(renmin.subjectId).toBe(DEMO_ACCOUNTS['renmin.gw1'].id);
    // 珠海路: half closed, all on time and satisfied (25×0.5 + 25 + 30 = 67.5 before visits); 人民路: 3 of 5
    // closed, one late, one unsatisfied (15 + 16.67 + 20 = 51.67 before visits, which add at most 10).
    expect(zhuhai.total).toBeGreaterThan(renmin.total);
    const satisfactionRules = (r: Ranked) =>
      r.firedRules.map((rule) => rule.code).filter((code) => code.startsWith('satisfaction'));
    expect(satisfactionRules(zhuhai)).toEqual([]);
    // Satisfaction 2/3: below 90% (not advanced) and below 80% (flagged for review).
    expect(satisfactionRules(renmin).sort()).toEqual(['satisfaction_advanced', 'satisfaction_floor']);
  });
});
