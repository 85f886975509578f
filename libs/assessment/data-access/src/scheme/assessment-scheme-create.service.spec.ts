import type { DataSource } from 'typeorm';
import { Role } from '@gridgov/platform-auth';
import { callerWith, startAssessmentTestDatabase } from '../testing/assessment-test-database';
import {
  AssessmentIndicatorKind,
  AssessmentMetric,
  AssessmentPeriodKind,
  AssessmentSchemeStatus,
  AssessmentSubjectKind,
} from './assessment-kinds';
import { AssessmentSchemeService } from './assessment-scheme.service';
import type { CreateAssessmentSchemeInput } from './assessment-scheme.validation';

const input = (overrides: Partial<CreateAssessmentSchemeInput> = {}): CreateAssessmentSchemeInput => ({
  name: '网格员月度评星定级',
  subjectKind: AssessmentSubjectKind.GRID_WORKER,
  periodKind: AssessmentPeriodKind.MONTH,
  totalScale: 100,
  ownerUnitCode: '520303000000',
  starThresholds: [60, 70, 80, 90, 95],
  indicators: [
    {
      code: 'closure',
      name: '办结率',
      kind: AssessmentIndicatorKind.AUTOMATIC,
      sourceMetric: AssessmentMetric.TICKETS_CLOSURE_RATE,
      weight: 33.33,
    },
    {
      code: 'satisfaction',
      name: '满意率',
      kind: AssessmentIndicatorKind.AUTOMATIC,
      sourceMetric: AssessmentMetric.TICKETS_SATISFACTION_RATE,
      weight: 33.33,
    },
    { code: 'review', name: '社区书记评议', kind: AssessmentIndicatorKind.MANUAL, weight: 33.34 },
  ],
  ...overrides,
});

// Creating a scheme writes it and all its indicators, or nothing at all.
describe('AssessmentSchemeService.create (real database)', () => {
  let db: { dataSource: DataSource; drop(): Promise<void> };
  const districtAssessor = callerWith({ role: Role.ASSESSOR, scopeCode: '520303' });
  const service = () => new AssessmentSchemeService(db.dataSource, districtAssessor);
  const rowCounts = async () => {
    const [{ schemes, indicators }] = await db.dataSource.query(
      `SELECT (SELECT count(*) FROM assessment_scheme)::int AS schemes, (SELECT count(*) FROM assessment_indicator)::int AS indicators`,
    );
    return { schemes, indicators };
  };

  beforeAll(async () => {
    db = await startAssessmentTestDatabase();
  });
  afterAll(() => db?.drop());
  beforeEach(() => db.dataSource.query(`TRUNCATE assessment_scheme CASCADE`));

  it('stores a DRAFT scheme owned by the significant prefix, with indicators in order and exact weights', async () => {
    const scheme = await service().create(input());
    expect(scheme).toMatchObject({
      ownerUnitCode: '520303',
      status: AssessmentSchemeStatus.DRAFT,
      version: 1,
      lineageId: scheme.id,
      createdBy: districtAssessor.accountId,
      isPublic: false,
      createdAt: expect.any(Date),
    });
    const [indicators] = await service().indicatorsOf([scheme.id]);
    expect(indicators.map((i) => [i.position, i.code, i.weight, i.sourceMetric])).toEqual([
      [1, 'closure', 33.33, 'tickets.closureRate'],
      [2, 'satisfaction', 33.33, 'tickets.satisfactionRate'],
      [3, 'review', 33.34, null],
    ]);
    const [{ total }] = await db.dataSource.query(
      `SELECT sum(weight)::text AS total FROM assessment_indicator`,
    );
    expect(total).toBe('100.00');
  });

  it('rejects bad weights with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const bad = input();
    bad.indicators[2].weight = 33.33;
    await expect(service().create(bad)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.indicators' },
    });
    expect(await rowCounts()).toEqual({ schemes: 0, indicators: 0 });
  });

  it('rolls the scheme back when an indicator fails to insert after it', async () => {
    // A constraint only this test has, so the failure happens inside the transaction, after the scheme row.
    await db.dataSource.query(
      `ALTER TABLE assessment_indicator ADD CONSTRAINT test_no_review CHECK (code <> 'review')`,
    );
    try {
      await expect(service().create(input())).rejects.toThrow(/test_no_review/);
    } finally {
      await db.dataSource.query(`ALTER TABLE assessment_indicator DROP CONSTRAINT test_no_review`);
    }
    expect(await rowCounts()).toEqual({ schemes: 0, indicators: 0 });
  });

  it('refuses a scheme for a unit outside the caller’s scope with FORBIDDEN', async () => {
    const streetAssessor = callerWith({ role: Role.ASSESSOR, scopeCode: '520303001' });
    await expect(
      new AssessmentSchemeService(db.dataSource, streetAssessor).create(input()),
    ).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    const gridWorker = callerWith({ role: Role.GRID_WORKER, scopeCode: '520303001001001' });
    await expect(
      new AssessmentSchemeService(db.dataSource, gridWorker).create(input()),
    ).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await rowCounts()).toEqual({ schemes: 0, indicators: 0 });
  });

  it('answers CONFLICT to a second scheme with the same name in the same unit', async () => {
    await service().create(input());
    await expect(service().create(input({ name: '  网格员月度评星定级 ' }))).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect(await rowCounts()).toEqual({ schemes: 1, indicators: 3 });
  });
});
