import { Role } from '@gridgov/platform-auth';
import { createLogger } from '@gridgov/platform-observability';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { seedAssessmentDemo } from '../demo/assessment-demo.seed';
import { assessmentDatabase } from '../index';
import { unconfiguredFactSource } from '../run/fact-source';
import { AssessmentSchemeEntity } from '../scheme/assessment-scheme.entity';
import { AssessmentReviewService } from './assessment-review.service';

const GRID = '520303001001001';

// Who may enter which manual score, and what a score may be (real database, demo schemes).
describe('assessment reviews', () => {
  let db: TestDatabase;
  let gridWorkers: string;
  let communities: string;

  beforeAll(async () => {
    db = await openTestDatabase(assessmentDatabase);
    await seedAssessmentDemo(db.dataSource, createLogger('review-test', 'silent'));
    const schemes = db.dataSource.getRepository(AssessmentSchemeEntity);
    gridWorkers = (await schemes.findOneByOrFail({ name: '网格员月度评星定级' })).id;
    communities = (await schemes.findOneByOrFail({ name: '社区季度亮牌' })).id;
  });
  afterAll(() => db?.close());

  // No ACCESS_TOKEN_SECRET: surveys (which sample residents through the gateway) are refused.
  const refusals: Error[] = [];
  const reviews = (scopeCode: string) =>
    new AssessmentReviewService(
      db.dataSource,
      callerWith({ role: Role.ASSESSOR, scopeCode }),
      unconfiguredFactSource((error) => refusals.push(error)),
    );
  const secretary = (scopeCode: string, score: number) =>
    reviews(scopeCode).enter({
      schemeId: gridWorkers,
      indicatorCode: 'secretary_review',
      period: '2026-10',
      subjectId: 'a-grid-worker',
      subjectUnitCode: GRID,
      score,
    });
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'OK',
      (error: { extensions?: { code?: string } }) => error.extensions?.code,
    );

  it('takes scores of 0 to 100 with at most two decimals, replacing the reviewer’s earlier one', async () => {
    const service = reviews('520303001001');
    const enter = (score: number) =>
      service.enter({
        schemeId: gridWorkers,
        indicatorCode: 'secretary_review',
        period: '2026-10',
        subjectId: 'gw',
        subjectUnitCode: GRID,
        score,
      });
    expect((await enter(90.1)).score).toBe(90.1);
    expect((await enter(88.25)).score).toBe(88.25);
    expect(
      await db.dataSource.query(`SELECT score::float FROM assessment_review WHERE subject_id = 'gw'`),
    ).toEqual([{ score: 88.25 }]);
    expect(await codeOf(enter(90.123))).toBe('BAD_USER_INPUT');
    expect(await codeOf(enter(101))).toBe('BAD_USER_INPUT');
  });

  it('needs a grant over the subject, at a street or above for leader reviews', async () => {
    expect(await codeOf(secretary('520303002', 80))).toBe('FORBIDDEN');
    expect(await codeOf(secretary('520303001', 80))).toBe('OK');
    const leader = (scopeCode: string) =>
      reviews(scopeCode).enter({
        schemeId: communities,
        indicatorCode: 'leader_review',
        period: '2026-Q4',
        subjectId: '520303001001',
        subjectUnitCode: '520303001001',
        score: 80,
      });
    expect(await codeOf(leader('520303001001'))).toBe('FORBIDDEN');
    expect(await codeOf(leader('520303001'))).toBe('OK');
  });

  it('refuses survey indicators, unknown indicators, periods of another kind and units outside the scheme', async () => {
    const base = {
      schemeId: communities,
      period: '2026-Q4',
      subjectId: '520303001001',
      subjectUnitCode: '520303001001',
      score: 80,
    };
    const service = reviews('520303');
    expect(await codeOf(service.enter({ ...base, indicatorCode: 'resident_survey' }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(service.enter({ ...base, indicatorCode: 'closure_rate' }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(service.enter({ ...base, indicatorCode: 'leader_review', period: '2026-10' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      await codeOf(
        service.enter({ ...base, indicatorCode: 'leader_review', subjectUnitCode: '520302001001' }),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('refuses a survey with SERVICE_MISCONFIGURED, naming the setting, when the service cannot read facts', async () => {
    const survey = reviews('520303001001').createSurvey({
      schemeId: communities,
      indicatorCode: 'resident_survey',
      period: '2026-Q4',
      subjectId: '520303001001',
      subjectUnitCode: '520303001001',
      gridCode: GRID,
      size: 5,
    });
    const error = await survey.then(
      () => null,
      (e: { message: string; extensions: Record<string, unknown> }) => e,
    );
    expect(error?.extensions).toEqual({ code: 'SERVICE_MISCONFIGURED', setting: 'ACCESS_TOKEN_SECRET' });
    expect(error?.message).toContain('set it');
    expect(refusals).toHaveLength(1);
    expect(await db.dataSource.query(`SELECT count(*)::int AS n FROM assessment_survey`)).toEqual([{ n: 0 }]);
  });

  it('answers a survey token only in its own format', async () => {
    expect(await codeOf(reviews('520303').answerSurvey('short', 80))).toBe('BAD_USER_INPUT');
    expect(await codeOf(reviews('520303').answerSurvey('y'.repeat(32), 101))).toBe('BAD_USER_INPUT');
  });
});
