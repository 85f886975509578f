import { randomBytes, randomUUID } from 'node:crypto';
import { Role } from '@gridgov/platform-auth';
import { type GraphQLResult, type TestGraph } from '@gridgov/platform-testing';
import { createGridSubgraph } from '@gridgov/grid-graphql';
import { createTicketSubgraph } from '@gridgov/ticket-graphql';
import { createAssessmentSubgraph } from '@gridgov/assessment-graphql';
import { type TestPerson } from './testing/sign-in-people';
import { dataOf, startSignedInGraph } from './testing/signed-in-graph';

const COMMUNITY = '520303001001';
const GRIDS = { gw1: `${COMMUNITY}001`, gw2: `${COMMUNITY}002`, gw3: `${COMMUNITY}003` };
const PERIOD = '2026-10';
/** October 2026 in China time: 31 days, so a weekly-visit resident (独居老人) is due ceil(31 / 7) = 5 visits. */
const IN_PERIOD = (day: number) => new Date(`2026-10-${String(day).padStart(2, '0')}T10:00:00+08:00`);
const DUE_PER_WEEKLY_RESIDENT = 5;

const WEIGHTS = {
  closure: 20,
  on_time: 20,
  satisfaction: 20,
  visits: 10,
  survey: 10,
  secretary: 10,
  leader: 10,
};
const STARS = [60, 70, 80, 90, 95];

const SCHEME = {
  name: '网格员月度评星定级（测试）',
  subjectKind: 'GRID_WORKER',
  periodKind: 'MONTH',
  totalScale: 100,
  ownerUnitCode: '520303',
  starThresholds: STARS,
  indicators: [
    {
      code: 'closure',
      name: '事项办结率',
      kind: 'AUTOMATIC',
      sourceMetric: 'TICKETS_CLOSURE_RATE',
      weight: WEIGHTS.closure,
    },
    {
      code: 'on_time',
      name: '按时办结率',
      kind: 'AUTOMATIC',
      sourceMetric: 'TICKETS_ON_TIME_RATE',
      weight: WEIGHTS.on_time,
    },
    {
      code: 'satisfaction',
      name: '群众满意率',
      kind: 'AUTOMATIC',
      sourceMetric: 'TICKETS_SATISFACTION_RATE',
      weight: WEIGHTS.satisfaction,
    },
    {
      code: 'visits',
      name: '走访完成率',
      kind: 'AUTOMATIC',
      sourceMetric: 'VISITS_COMPLETION_RATE',
      weight: WEIGHTS.visits,
    },
    {
      code: 'survey',
      name: '群众满意度测评',
      kind: 'MANUAL',
      manualSource: 'SURVEY',
      weight: WEIGHTS.survey,
    },
    {
      code: 'secretary',
      name: '社区书记评议',
      kind: 'MANUAL',
      manualSource: 'SECRETARY_REVIEW',
      weight: WEIGHTS.secretary,
    },
    {
      code: 'leader',
      name: '领导评价',
      kind: 'MANUAL',
      manualSource: 'LEADER_REVIEW',
      weight: WEIGHTS.leader,
    },
  ],
  rules: [
    {
      code: 'not_advanced',
      description: '满意率低于90%不得评为先进',
      input: 'tickets.satisfactionRate',
      operator: 'LT',
      value: 0.9,
      effect: 'NOT_ADVANCED',
    },
    {
      code: 'floor',
      description: '满意率低于80%列入复核',
      input: 'tickets.satisfactionRate',
      operator: 'LT',
      value: 0.8,
      effect: 'FLAG_REVIEW',
    },
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
};

type Ranked = {
  id: string;
  subjectId: string;
  version: number;
  total: number;
  stars: number;
  rankInUnit: number;
  flags: string[];
  advancedEligible: boolean;
  firedRules: { code: string }[];
};
const RANKING = `query R($s: ID!, $p: String!, $u: String!, $v: Int) {
  assessmentRanking(schemeId: $s, period: $p, unitCode: $u, version: $v) {
    id subjectId version total stars rankInUnit flags advancedEligible firedRules { code }
  }
}`;

/** Hand computation of the scheme: weight × 0–1 value per indicator, stars = thresholds reached. */
const total = (values: Record<keyof typeof WEIGHTS, number>) =>
  Object.entries(values).reduce(
    (sum, [code, value]) => sum + WEIGHTS[code as keyof typeof WEIGHTS] * value,
    0,
  );
const starsOf = (score: number) => STARS.filter((min) => score >= min).length;

// A month of tickets, visits, reviews and survey answers for three grid workers of 珠海路社区, a run
// through the gateway (facts read through the gateway by the service identity), a re-run after a late rating.
describe('assessment runs through the gateway', () => {
  let graph: TestGraph;
  let tokens: Record<string, string>;
  let ids: Record<string, string>;
  let schemeId: string;
  let unsatisfiedLater: string;

  const gql = async <T = Record<string, unknown>>(
    who: string | null,
    query: string,
    variables: Record<string, unknown> = {},
  ) => (await graph.query<T>(query, variables, who ? tokens[who] : undefined)) as GraphQLResult<T>;
  const ok = <T = Record<string, unknown>>(
    who: string | null,
    query: string,
    variables: Record<string, unknown> = {},
  ) => dataOf<T>(graph, query, variables, who ? tokens[who] : undefined);

  beforeAll(async () => {
    const people: TestPerson[] = [
      ['gw1', Role.GRID_WORKER, GRIDS.gw1],
      ['gw2', Role.GRID_WORKER, GRIDS.gw2],
      ['gw3', Role.GRID_WORKER, GRIDS.gw3],
      ['district.assessor', Role.ASSESSOR, '520303'],
      ['street.assessor', Role.ASSESSOR, '520303001'],
      ['community.assessor', Role.ASSESSOR, COMMUNITY],
      ['other.street.assessor', Role.ASSESSOR, '520303002'],
      ['other.district.assessor', Role.ASSESSOR, '520304'],
    ];
    ({
      graph,
      tokens,
      accountIds: ids,
    } = await startSignedInGraph(
      (s) => [
        createGridSubgraph(),
        createTicketSubgraph(),
        createAssessmentSubgraph({
          facts: { gatewayUrl: () => graph.gateway.url, accessTokenSecret: s.accessTokenSecret },
        }),
      ],
      people,
    ));

    // Tickets of October, per grid: [status, overdue, supervised (RED), satisfaction].
    const ticket = graph.subgraphs['ticket'].dataSource;
    const tickets: Record<keyof typeof GRIDS, [string, boolean, boolean, string | null][]> = {
      gw1: [
        ['CLOSED', false, false, 'SATISFIED'],
        ['CLOSED', false, false, 'SATISFIED'],
        ['CLOSED', false, false, 'BASICALLY_SATISFIED'],
        ['CLOSED', false, false, 'SATISFIED'],
      ],
      gw2: [
        ['CLOSED', false, false, 'SATISFIED'],
        ['CLOSED', false, false, 'SATISFIED'],
        ['CLOSED', true, false, 'SATISFIED'],
        ['CLOSED', false, false, 'UNSATISFIED'],
        ['IN_PROGRESS', false, true, null],
      ],
      gw3: [
        ['CLOSED', false, false, 'SATISFIED'],
        ['CLOSED', false, false, null],
      ],
    };
    let n = 0;
    for (const [worker, rows] of Object.entries(tickets)) {
      for (const [status, overdue, supervised, satisfaction] of rows) {
        n += 1;
        const [{ id }] = await ticket.query(
          `INSERT INTO ticket (number, grid_code, admin_unit_code, handling_unit_code, category_code, mode, status, title,
                               channel, reporter_id, reported_at, overdue, supervised, satisfaction)
           VALUES ($1, $2, $3, $3, 'CITY_MANAGEMENT', 'COORDINATED', $4, '测试事项', 'GRID_WORKER', $5, $6, $7, $8, $9)
           RETURNING id`,
          [
            `T2026-9${String(n).padStart(5, '0')}`,
            GRIDS[worker as keyof typeof GRIDS],
            COMMUNITY,
            status,
            ids[worker],
            IN_PERIOD(n),
            overdue,
            supervised,
            satisfaction,
          ],
        );
        if (worker === 'gw3' && satisfaction === null) unsatisfiedLater = id;
      }
    }
    // A ticket of September does not count.
    await ticket.query(
      `INSERT INTO ticket (number, grid_code, admin_unit_code, handling_unit_code, category_code, mode, status, title, channel, reporter_id, reported_at)
       VALUES ('T2026-899999', $1, $2, $2, 'CITY_MANAGEMENT', 'COORDINATED', 'REPORTED', '上月事项', 'GRID_WORKER', $3, '2026-09-30T10:00:00+08:00')`,
      [GRIDS.gw1, COMMUNITY, ids['gw1']],
    );

    // Residents (gw1: one living alone and two others; gw2: one living alone; gw3: one untagged) and visits.
    const grid = graph.subgraphs['grid'].dataSource;
    const resident = async (gridCode: string, tags: string[]) => {
      const [{ id }] = await grid.query(
        `INSERT INTO resident (grid_code, name, gender, birth_date, id_number_cipher, id_number_hash, id_number_masked, population, tag_codes)
         VALUES ($1, '居民', 'FEMALE', '1940-01-01', $2, $3, '5203**********1234', 'REGISTERED', $4) RETURNING id`,
        [gridCode, randomBytes(16), randomBytes(32), tags],
      );
      return id as string;
    };
    const visit = (gridCode: string, residentId: string, visitor: string, day: number) =>
      grid.query(
        `INSERT INTO visit (grid_code, resident_id, visitor_account_id, visited_at) VALUES ($1, $2, $3, $4)`,
        [gridCode, residentId, ids[visitor], IN_PERIOD(day)],
      );
    const alone1 = await resident(GRIDS.gw1, ['ELDERLY_ALONE']);
    await resident(GRIDS.gw1, []);
    await resident(GRIDS.gw1, []);
    for (const day of [1, 8, 15, 22, 29, 30]) await visit(GRIDS.gw1, alone1, 'gw1', day); // 6 visits, 5 due: counted 5
    const alone2 = await resident(GRIDS.gw2, ['ELDERLY_ALONE']);
    for (const day of [3, 20]) await visit(GRIDS.gw2, alone2, 'gw2', day);
    await resident(GRIDS.gw3, []);

    const created = await ok<{ createAssessmentScheme: { id: string } }>(
      'district.assessor',
      `mutation C($input: CreateAssessmentSchemeInput!) { createAssessmentScheme(input: $input) { id } }`,
      { input: SCHEME },
    );
    schemeId = created.createAssessmentScheme.id;
    await ok('district.assessor', `mutation A($id: ID!) { activateAssessmentScheme(id: $id) { status } }`, {
      id: schemeId,
    });
  });
  afterAll(() => graph?.stop());

  const review = (
    who: string,
    subject: keyof typeof GRIDS,
    indicatorCode: string,
    score: number,
    subjectUnitCode: string = GRIDS[subject],
  ) =>
    gql(
      who,
      `mutation E($input: EnterAssessmentReviewInput!) { enterAssessmentReview(input: $input) { id score } }`,
      {
        input: { schemeId, indicatorCode, period: PERIOD, subjectId: ids[subject], subjectUnitCode, score },
      },
    );
  const run = async () =>
    (
      await ok<{ runAssessment: { version: number; subjectCount: number } }>(
        'district.assessor',
        `mutation R($s: ID!, $p: String!) { runAssessment(schemeId: $s, period: $p) { version subjectCount } }`,
        { s: schemeId, p: PERIOD },
      )
    ).runAssessment;
  const ranking = async (version?: number) =>
    (
      await ok<{ assessmentRanking: Ranked[] }>('street.assessor', RANKING, {
        s: schemeId,
        p: PERIOD,
        u: COMMUNITY,
        v: version,
      })
    ).assessmentRanking;

  it('takes reviews only from accounts allowed to, within scope', async () => {
    const outside = await review('other.street.assessor', 'gw1', 'secretary', 10);
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const notALeader = await review('community.assessor', 'gw1', 'leader', 10);
    expect(notALeader.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const asGridWorker = await review('gw2', 'gw1', 'secretary', 10);
    expect(asGridWorker.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Claiming a unit of one's own street for another street's worker is accepted but never counted.
    expect(
      (await review('other.street.assessor', 'gw1', 'secretary', 0, '520303002001001')).errors,
    ).toBeUndefined();

    for (const [subject, secretary, leader] of [
      ['gw1', 90, 80],
      ['gw2', 70, 80],
      ['gw3', 80, 90],
    ] as const) {
      expect((await review('community.assessor', subject, 'secretary', secretary)).errors).toBeUndefined();
      expect((await review('street.assessor', subject, 'leader', leader)).errors).toBeUndefined();
    }
    // Entering again replaces one's own score.
    expect((await review('community.assessor', 'gw2', 'secretary', 70)).errors).toBeUndefined();
  });

  it('gives each sampled resident a token that works once, without sign-in', async () => {
    const survey = await ok<{
      createResidentSurvey: { invitations: { residentId: string; token: string }[] };
    }>(
      'community.assessor',
      `mutation S($input: CreateResidentSurveyInput!) { createResidentSurvey(input: $input) { id invitations { residentId token } } }`,
      {
        input: {
          schemeId,
          indicatorCode: 'survey',
          period: PERIOD,
          subjectId: ids['gw1'],
          subjectUnitCode: GRIDS.gw1,
          gridCode: GRIDS.gw1,
          size: 5,
        },
      },
    );
    const invitations = survey.createResidentSurvey.invitations;
    expect(invitations).toHaveLength(3); // every resident of the grid, fewer than asked for
    const answer = (token: string, score: number) =>
      gql<{ submitSurveyAnswer: boolean }>(
        null,
        `mutation A($t: String!, $s: Int!) { submitSurveyAnswer(token: $t, score: $s) }`,
        { t: token, s: score },
      );
    expect((await answer(invitations[0].token, 90)).data?.submitSurveyAnswer).toBe(true);
    expect((await answer(invitations[1].token, 80)).data?.submitSurveyAnswer).toBe(true);
    const again = await answer(invitations[0].token, 10);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await answer('x'.repeat(32), 10)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('runs the month: stars, flags and rankings as computed by hand', async () => {
    expect(await run()).toEqual({ version: 1, subjectCount: 3 });
    // gw1: 4/4 closed, all on time, 4/4 satisfied, 5/5 visits, survey (90+80)/2, secretary 90, leader 80.
    const gw1 = total({
      closure: 1,
      on_time: 1,
      satisfaction: 1,
      visits: 1,
      survey: 0.85,
      secretary: 0.9,
      leader: 0.8,
    });
    // gw2: 4/5 closed, 3/4 on time, 3/4 satisfied, 2/5 visits, no survey, secretary 70, leader 80; one RED ticket.
    const gw2 = total({
      closure: 4 / 5,
      on_time: 3 / 4,
      satisfaction: 3 / 4,
      visits: 2 / DUE_PER_WEEKLY_RESIDENT,
      survey: 0,
      secretary: 0.7,
      leader: 0.8,
    });
    // gw3: 2/2 closed on time, 1/1 rated satisfied, nothing due (full marks), no survey, secretary 80, leader 90.
    const gw3 = total({
      closure: 1,
      on_time: 1,
      satisfaction: 1,
      visits: 1,
      survey: 0,
      secretary: 0.8,
      leader: 0.9,
    });
    expect([gw1, gw2, gw3]).toEqual([95.5, 65, 87]);

    const results = await ranking();
    expect(results.map((r) => [r.subjectId, r.total, r.stars, r.rankInUnit])).toEqual([
      [ids['gw1'], gw1, starsOf(gw1), 1],
      [ids['gw3'], gw3, starsOf(gw3), 2],
      [ids['gw2'], gw2, Math.min(3, starsOf(gw2)), 3],
    ]);
    const byWorker = Object.fromEntries(results.map((r) => [r.subjectId, r]));
    expect(byWorker[ids['gw1']]).toMatchObject({ flags: [], advancedEligible: true, firedRules: [] });
    expect(byWorker[ids['gw2']]).toMatchObject({
      flags: ['NO_SCORES:survey', 'REVIEW:floor'],
      advancedEligible: false,
      firedRules: [{ code: 'not_advanced' }, { code: 'floor' }, { code: 'red' }],
    });
    expect(byWorker[ids['gw3']]).toMatchObject({ flags: ['NO_SCORES:survey'], advancedEligible: true });

    const explained = await ok<{
      assessmentExplanation: {
        indicators: {
          code: string;
          score: number;
          formula: string;
          inputs: { key: string; value: number | null }[];
        }[];
      };
    }>(
      'gw2',
      `query X($id: ID!) { assessmentExplanation(resultId: $id) { indicators { code score formula inputs { key value } } } }`,
      { id: byWorker[ids['gw2']].id },
    );
    const closure = explained.assessmentExplanation.indicators.find((i) => i.code === 'closure');
    expect(closure).toMatchObject({
      score: WEIGHTS.closure * (4 / 5),
      inputs: [
        { key: 'tickets.closureRate', value: 4 / 5 },
        { key: 'tickets.received', value: 5 },
        { key: 'tickets.closed', value: 4 },
      ],
    });
    // Another grid worker's result is not theirs to read.
    const foreign = await gql(
      'gw1',
      `query X($id: ID!) { assessmentExplanation(resultId: $id) { thresholds } }`,
      { id: byWorker[ids['gw2']].id },
    );
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('re-runs after a late rating as a new version and keeps the old one', async () => {
    await graph.subgraphs['ticket'].dataSource.query(
      `UPDATE ticket SET satisfaction = 'UNSATISFIED' WHERE id = $1`,
      [unsatisfiedLater],
    );
    expect(await run()).toEqual({ version: 2, subjectCount: 3 });
    const gw3 = total({
      closure: 1,
      on_time: 1,
      satisfaction: 1 / 2,
      visits: 1,
      survey: 0,
      secretary: 0.8,
      leader: 0.9,
    });
    const latest = await ranking();
    expect(latest.map((r) => [r.subjectId, r.version, r.total, r.stars, r.rankInUnit])).toEqual([
      [ids['gw1'], 2, 95.5, 5, 1],
      [ids['gw3'], 2, gw3, starsOf(gw3), 2],
      [ids['gw2'], 2, 65, 1, 3],
    ]);
    expect(latest[1]).toMatchObject({ flags: ['NO_SCORES:survey', 'REVIEW:floor'], advancedEligible: false });
    const first = await ranking(1);
    expect(first.find((r) => r.subjectId === ids['gw3'])).toMatchObject({ version: 1, total: 87 });

    // The versions are listed to readers of the scheme, not to another district's assessor.
    const RUNS = `query V($s: ID!, $p: String!) { assessmentRuns(schemeId: $s, period: $p) { version } }`;
    const runs = await ok<{ assessmentRuns: { version: number }[] }>('street.assessor', RUNS, {
      s: schemeId,
      p: PERIOD,
    });
    expect(runs.assessmentRuns.map((r) => r.version)).toEqual([2, 1]);
    const foreign = await gql('other.district.assessor', RUNS, { s: schemeId, p: PERIOD });
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // Through federation: the grid worker sees their own latest result on their account.
    const me = await ok<{
      me: { account: { assessments: { period: string; version: number; total: number }[] } };
    }>('gw3', `{ me { account { assessments { period version total } } } }`);
    expect(me.me.account.assessments).toEqual([{ period: PERIOD, version: 2, total: gw3 }]);
  });

  it("shows a community's colour card on its AdminUnit", async () => {
    const org = graph.subgraphs['org'].dataSource;
    let parentId: string | null = null;
    for (const [code, level] of [
      ['520303000000', 'DISTRICT'],
      ['520303001000', 'STREET'],
      [`${COMMUNITY}`, 'COMMUNITY'],
    ]) {
      const [unit]: { id: string }[] = await org.query(
        `INSERT INTO admin_unit (code, name, level, parent_id) VALUES ($1, $1, $2, $3) RETURNING id`,
        [code, level, parentId],
      );
      parentId = unit.id;
    }
    const created = await ok<{ createAssessmentScheme: { id: string } }>(
      'district.assessor',
      `mutation C($input: CreateAssessmentSchemeInput!) { createAssessmentScheme(input: $input) { id } }`,
      {
        input: {
          name: '社区季度亮牌（测试）',
          subjectKind: 'COMMUNITY',
          periodKind: 'QUARTER',
          totalScale: 100,
          ownerUnitCode: '520303',
          cardThresholds: { yellowMin: 75, greenMin: 90 },
          isPublic: true,
          indicators: [
            {
              code: 'closure',
              name: '办结率',
              kind: 'AUTOMATIC',
              sourceMetric: 'TICKETS_CLOSURE_RATE',
              weight: 50,
            },
            {
              code: 'satisfaction',
              name: '满意率',
              kind: 'AUTOMATIC',
              sourceMetric: 'TICKETS_SATISFACTION_RATE',
              weight: 50,
            },
          ],
        },
      },
    );
    const id = created.createAssessmentScheme.id;
    await ok('district.assessor', `mutation A($id: ID!) { activateAssessmentScheme(id: $id) { status } }`, {
      id,
    });
    await ok(
      'district.assessor',
      `mutation R($id: ID!) { runAssessment(schemeId: $id, period: "2026-Q4") { version } }`,
      { id },
    );
    const unit = await ok<{ adminUnit: { colorCard: { card: string; total: number } } }>(
      'district.assessor',
      `{ adminUnit(code: "${COMMUNITY}") { colorCard { card total } } }`,
    );
    // The community's 11 tickets: 10 closed; 8 of the 10 rated satisfied (gw2's and gw3's unsatisfied ones).
    expect(unit.adminUnit.colorCard.total).toBeCloseTo(50 * (10 / 11) + 50 * (8 / 10), 1);
    expect(unit.adminUnit.colorCard.card).toBe('YELLOW');
    // The scheme is public: its satisfaction is published to everyone, no sign-in.
    const published = await ok<{ publishedSatisfaction: unknown[] }>(
      null,
      `{ publishedSatisfaction(unitCode: "520303") { unitCode period satisfactionRate card } }`,
    );
    expect(published.publishedSatisfaction).toEqual([
      { unitCode: COMMUNITY, period: '2026-Q4', satisfactionRate: 8 / 10, card: 'YELLOW' },
    ]);
  });

  it('keeps the fact queries for service identities and refuses bad runs', async () => {
    const facts = await gql(
      'district.assessor',
      `{ ticketFacts(group: GRID, codePrefix: "520303", from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z") { key } }`,
    );
    expect(facts.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badPeriod = await gql(
      'district.assessor',
      `mutation { runAssessment(schemeId: "${schemeId}", period: "2026-Q4") { id } }`,
    );
    expect(badPeriod.errors?.[0]).toMatchObject({
      message: 'period: must be a month like 2026-11',
      extensions: { code: 'BAD_USER_INPUT', field: 'period' },
    });
    const anonymousRun = await gql(
      null,
      `mutation { runAssessment(schemeId: "${randomUUID()}", period: "${PERIOD}") { id } }`,
    );
    expect(anonymousRun.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
