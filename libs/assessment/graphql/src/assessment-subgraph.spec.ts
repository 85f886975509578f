import { Role } from '@gridgov/platform-auth';
import { createErrorFormatter } from '@gridgov/platform-errors';
import type { BaseContext } from '@gridgov/platform-graphql';
import { createLogger, type Logger } from '@gridgov/platform-observability';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import {
  assessmentDatabase,
  AssessmentResultService,
  AssessmentSchemeEntity,
  seedAssessmentDemo,
} from '@gridgov/assessment-data-access';
import { createAssessmentSubgraph } from './assessment-subgraph';

// The subgraph as assessment-service hosts it without ACCESS_TOKEN_SECRET, one context per request.
describe('assessment subgraph', () => {
  let db: TestDatabase;
  let schemeId: string;
  const logged: string[] = [];
  // Only what the subgraph logs through matters here; everything else stays silent.
  const log = new Proxy(createLogger('assessment-subgraph-test', 'silent'), {
    get: (target, key) =>
      key === 'error' ? (_obj: unknown, message: string) => logged.push(message) : Reflect.get(target, key),
  }) as Logger;

  beforeAll(async () => {
    db = await openTestDatabase(assessmentDatabase);
    await seedAssessmentDemo(db.dataSource, createLogger('assessment-subgraph-test', 'silent'));
    schemeId = (
      await db.dataSource
        .getRepository(AssessmentSchemeEntity)
        .findOneByOrFail({ name: '网格员月度评星定级' })
    ).id;
  });
  afterAll(() => db?.close());

  const request = (definition: ReturnType<typeof createAssessmentSubgraph>, requestId: string) => {
    const base: BaseContext = {
      auth: callerWith({ role: Role.ASSESSOR, scopeCode: '520303' }),
      requestId,
      log,
      dataSource: db.dataSource,
    };
    return definition.createContext(base);
  };

  it('refuses runs with an actionable SERVICE_MISCONFIGURED, logged once per process, writing nothing', async () => {
    const definition = createAssessmentSubgraph();
    const errors: unknown[] = [];
    for (const requestId of ['first', 'second']) {
      const ctx = request(definition, requestId);
      await ctx.runs.runAs(ctx.auth, schemeId, '2026-10').then(
        () => errors.push('ran'),
        (error: unknown) => errors.push(error),
      );
    }
    const formatted = errors.map((error) =>
      createErrorFormatter({ exposeDetails: false })(
        {
          message: (error as Error).message,
          extensions: (error as { extensions?: Record<string, unknown> }).extensions,
        },
        error,
      ),
    );
    for (const answer of formatted) {
      expect(answer.extensions).toEqual({ code: 'SERVICE_MISCONFIGURED', setting: 'ACCESS_TOKEN_SECRET' });
      expect(answer.message).toMatch(/ACCESS_TOKEN_SECRET.*restart assessment-service/);
    }
    expect(logged).toEqual(['assessment runs and surveys are refused until ACCESS_TOKEN_SECRET is set']);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM assessment_run`)).toEqual([{ n: 0 }]);
  });

  it('loads the colour cards of a list of units in one batch', async () => {
    const latestOf = jest.spyOn(AssessmentResultService.prototype, 'latestOf');
    try {
      const ctx = request(createAssessmentSubgraph(), 'list');
      const codes = ['520303001001', '520303001002', '520303001003'];
      expect(await Promise.all(codes.map((code) => ctx.loaders.colorCardByUnitCode.load(code)))).toEqual([
        null,
        null,
        null,
      ]);
      expect(latestOf).toHaveBeenCalledTimes(1);
      expect(latestOf.mock.calls[0][1]).toEqual(codes);
    } finally {
      latestOf.mockRestore();
    }
  });
});
