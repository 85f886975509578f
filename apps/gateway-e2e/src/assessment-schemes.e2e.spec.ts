import { hashPassword, Role } from '@gridgov/platform-auth';
import { startTestGraph, type TestGraph } from '@gridgov/platform-testing';
import { AccountEntity, AccountService, RoleGrantEntity } from '@gridgov/org-data-access';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { createAssessmentSubgraph } from '@gridgov/assessment-graphql';

const CREATE = `
  mutation Create($input: CreateAssessmentSchemeInput!) {
    createAssessmentScheme(input: $input) {
      id name ownerUnitCode status version totalScale starThresholds
      indicators { position code kind sourceMetric weight }
    }
  }`;

const LIST = `
  query List($filter: AssessmentSchemeFilter, $after: String) {
    assessmentSchemes(filter: $filter, first: 1, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name subjectKind indicators { code weight } } }
    }
  }`;

const gridWorkerScheme = (ownerUnitCode: string) => ({
  name: '网格员月度评星定级',
  subjectKind: 'GRID_WORKER',
  periodKind: 'MONTH',
  totalScale: 100,
  ownerUnitCode,
  starThresholds: [60, 70, 80, 90, 95],
  indicators: [
    {
      code: 'closure_rate',
      name: '事项办结率',
      kind: 'AUTOMATIC',
      sourceMetric: 'TICKETS_CLOSURE_RATE',
      weight: 25,
    },
    {
      code: 'on_time_rate',
      name: '按时办结率',
      kind: 'AUTOMATIC',
      sourceMetric: 'TICKETS_ON_TIME_RATE',
      weight: 25,
    },
    {
      code: 'satisfaction',
      name: '群众满意率',
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
    { code: 'secretary_review', name: '社区书记评议', kind: 'MANUAL', weight: 10 },
  ],
});

// Assessment schemes through the real gateway, signed in through org.
describe('assessment schemes through the gateway', () => {
  let graph: TestGraph;
  let adminToken: string;
  let streetAssessorToken: string;

  const login = async (username: string, password: string) => {
    const result = await graph.query<{ login: { token: string } }>(
      `mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
      { u: username, p: password },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.login.token;
  };

  beforeAll(async () => {
    graph = await startTestGraph((s) => [
      createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
      createAssessmentSubgraph(),
    ]);
    const org = graph.subgraphs['org'].dataSource;
    await AccountService.ensureInitialAdmin(org, 'admin', 'admin pass 1');
    const assessor = await org.getRepository(AccountEntity).save({
      username: 'shanghai.assessor',
      displayName: '上海路街道考核员',
      passwordHash: await hashPassword('assessor pass 1'),
    });
    await org
      .getRepository(RoleGrantEntity)
      .save({ accountId: assessor.id, role: Role.ASSESSOR, scopeCode: '520303001' });
    adminToken = await login('admin', 'admin pass 1');
    streetAssessorToken = await login('shanghai.assessor', 'assessor pass 1');
  });
  afterAll(() => graph?.stop());

  it('creates a scheme with its indicators and lists it, page by page, with filters', async () => {
    const created = await graph.query<{ createAssessmentScheme: { indicators: unknown[] } }>(
      CREATE,
      { input: gridWorkerScheme('520303000000') },
      adminToken,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createAssessmentScheme).toMatchObject({
      name: '网格员月度评星定级',
      ownerUnitCode: '520303',
      status: 'DRAFT',
      version: 1,
      totalScale: 100,
      starThresholds: [60, 70, 80, 90, 95],
    });
    expect(created.data!.createAssessmentScheme.indicators).toEqual([
      {
        position: 1,
        code: 'closure_rate',
        kind: 'AUTOMATIC',
        sourceMetric: 'TICKETS_CLOSURE_RATE',
        weight: 25,
      },
      {
        position: 2,
        code: 'on_time_rate',
        kind: 'AUTOMATIC',
        sourceMetric: 'TICKETS_ON_TIME_RATE',
        weight: 25,
      },
      {
        position: 3,
        code: 'satisfaction',
        kind: 'AUTOMATIC',
        sourceMetric: 'TICKETS_SATISFACTION_RATE',
        weight: 30,
      },
      {
        position: 4,
        code: 'visits',
        kind: 'AUTOMATIC',
        sourceMetric: 'VISITS_COMPLETION_RATE',
        weight: 10,
      },
      { position: 5, code: 'secretary_review', kind: 'MANUAL', sourceMetric: null, weight: 10 },
    ]);
    const cards = await graph.query(
      CREATE,
      {
        input: {
          ...gridWorkerScheme('520303'),
          name: '社区季度亮牌',
          subjectKind: 'COMMUNITY',
          periodKind: 'QUARTER',
          starThresholds: null,
          cardThresholds: { yellowMin: 75, greenMin: 90 },
        },
      },
      adminToken,
    );
    expect(cards.errors).toBeUndefined();

    type Page = {
      assessmentSchemes: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { name: string } }[];
      };
    };
    const first = await graph.query<Page>(LIST, {}, streetAssessorToken);
    expect(first.errors).toBeUndefined();
    expect(first.data!.assessmentSchemes.totalCount).toBe(2);
    expect(first.data!.assessmentSchemes.pageInfo.hasNextPage).toBe(true);
    const second = await graph.query<Page>(
      LIST,
      { after: first.data!.assessmentSchemes.pageInfo.endCursor },
      streetAssessorToken,
    );
    expect(second.data!.assessmentSchemes.pageInfo.hasNextPage).toBe(false);
    expect(
      [...first.data!.assessmentSchemes.edges, ...second.data!.assessmentSchemes.edges]
        .map((e) => e.node.name)
        .sort(),
    ).toEqual(['社区季度亮牌', '网格员月度评星定级']);

    const filtered = await graph.query<Page>(
      LIST,
      { filter: { subjectKind: 'COMMUNITY' } },
      streetAssessorToken,
    );
    expect(filtered.data!.assessmentSchemes.edges.map((e) => e.node.name)).toEqual(['社区季度亮牌']);
    expect(filtered.data!.assessmentSchemes.totalCount).toBe(1);
  });

  it('answers FORBIDDEN to a street assessor creating a scheme for another district, and writes nothing', async () => {
    const result = await graph.query(
      CREATE,
      { input: { ...gridWorkerScheme('520302'), name: '红花岗区评星' } },
      streetAssessorToken,
    );
    expect(result.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
    const [{ count }] = await graph.subgraphs['assessment'].dataSource.query(
      `SELECT count(*)::int AS count FROM assessment_scheme WHERE owner_unit_code = '520302'`,
    );
    expect(count).toBe(0);
  });

  it('answers BAD_USER_INPUT naming the indicators when weights do not add up to 100', async () => {
    const input = gridWorkerScheme('520303001');
    input.indicators[4].weight = 9.99;
    const result = await graph.query(
      CREATE,
      { input: { ...input, name: '上海路评星' } },
      streetAssessorToken,
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.indicators',
    });
    expect(result.errors?.[0].message).toContain('input.indicators: weights add up to 99.99%');

    input.indicators[4].weight = 0;
    const zero = await graph.query(CREATE, { input: { ...input, name: '上海路评星' } }, streetAssessorToken);
    expect(zero.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.indicators[4].weight',
    });
  });

  it('reads one scheme by id, and refuses anonymous callers', async () => {
    const list = await graph.query<{ assessmentSchemes: { edges: { node: { id: string } }[] } }>(
      LIST,
      {},
      adminToken,
    );
    const id = list.data!.assessmentSchemes.edges[0].node.id;
    const one = await graph.query<{ assessmentScheme: { id: string } }>(
      `query ($id: ID!) { assessmentScheme(id: $id) { id indicators { code } } }`,
      { id },
      streetAssessorToken,
    );
    expect(one.errors).toBeUndefined();
    expect(one.data!.assessmentScheme.id).toBe(id);
    const anonymous = await graph.query(`query ($id: ID!) { assessmentScheme(id: $id) { id } }`, { id });
    expect(anonymous.errors?.[0].extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
