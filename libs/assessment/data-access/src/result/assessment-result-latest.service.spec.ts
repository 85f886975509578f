import { randomUUID } from 'node:crypto';
import { ANONYMOUS, AuthContext, Role } from '@gridgov/platform-auth';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { assessmentDatabase } from '../index';
import { AssessmentSubjectKind } from '../scheme/assessment-kinds';
import { AssessmentResultService } from './assessment-result.service';

const COMMUNITY = '520303001001';
const OTHER_COMMUNITY = '520303001002';
const DEPARTMENT = randomUUID();
const PRIVATE_ONLY_DEPARTMENT = randomUUID();

// `AdminUnit.colorCard` and `Department.assessment`: the latest readable result per subject, picked in
// SQL. Every "older" row below was written after the newer one, so picking by write time fails.
describe('latest results of units and departments', () => {
  let db: TestDatabase;
  let written = 0;
  const runs = new Map<string, string>();

  const scheme = async (kind: AssessmentSubjectKind, periodKind: string, isPublic: boolean) => {
    const id = randomUUID();
    await db.dataSource.query(
      `INSERT INTO assessment_scheme (id, lineage_id, version, name, subject_kind, period_kind, total_scale,
                                      owner_unit_code, is_public, status)
       VALUES ($1, $1, 1, $2, $3, $4, 100, '520303', $5, 'ACTIVE')`,
      [id, `scheme ${id}`, kind, periodKind, isPublic],
    );
    return { id, kind };
  };

  /** A result in the run of a scheme's period (the given version), written after every earlier one. */
  const result = async (
    s: { id: string; kind: AssessmentSubjectKind },
    period: { key: string; start: string; end: string; version?: number },
    subject: { id: string; unitCode: string; card?: 'RED' | 'YELLOW' | 'GREEN' | null; total: number },
  ) => {
    const version = period.version ?? 1;
    const runKey = `${s.id} ${period.key} ${version}`;
    if (!runs.has(runKey)) {
      const [run] = (await db.dataSource.query(
        `INSERT INTO assessment_run (scheme_id, period, version, period_start, period_end, subject_count)
         VALUES ($1, $2, $3, $4, $5, 1) RETURNING id`,
        [s.id, period.key, version, period.start, period.end],
      )) as { id: string }[];
      runs.set(runKey, run.id);
    }
    written += 1;
    await db.dataSource.query(
      `INSERT INTO assessment_result (run_id, scheme_id, period, version, subject_kind, subject_id,
         subject_unit_code, rank_unit_code, rank_in_unit, total, stars, card, advanced_eligible, flags,
         fired_rules, inputs, indicators, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '520303', 1, $8, NULL, $9, true, '{}', '[]', '{}', '[]',
               now() + make_interval(secs => $10))`,
      [
        runs.get(runKey),
        s.id,
        period.key,
        version,
        s.kind,
        subject.id,
        subject.unitCode,
        subject.total,
        subject.card ?? null,
        written,
      ],
    );
  };

  const Q3 = { key: '2026-Q3', start: '2026-06-30T16:00:00Z', end: '2026-09-30T16:00:00Z' };
  const Q4 = { key: '2026-Q4', start: '2026-09-30T16:00:00Z', end: '2026-12-31T16:00:00Z' };
  const Y2025 = { key: '2025', start: '2024-12-31T16:00:00Z', end: '2025-12-31T16:00:00Z' };
  const Y2026 = { key: '2026', start: '2025-12-31T16:00:00Z', end: '2026-12-31T16:00:00Z' };

  beforeAll(async () => {
    db = await openTestDatabase(assessmentDatabase);
    const cards = await scheme(AssessmentSubjectKind.COMMUNITY, 'QUARTER', true);
    const noCards = await scheme(AssessmentSubjectKind.COMMUNITY, 'QUARTER', true);
    const publicRating = await scheme(AssessmentSubjectKind.DEPARTMENT, 'YEAR', true);
    const internalRating = await scheme(AssessmentSubjectKind.DEPARTMENT, 'YEAR', false);

    const community = (card: 'RED' | 'YELLOW' | 'GREEN' | null, total: number) => ({
      id: COMMUNITY,
      unitCode: COMMUNITY,
      card,
      total,
    });
    await result(cards, Q4, community('GREEN', 90));
    await result(cards, { ...Q4, version: 2 }, community('YELLOW', 80)); // a re-run of Q4
    await result(cards, Q3, community('RED', 50)); // Q3 run late, after Q4
    // A newer result without a card does not hide the older card.
    const other = (card: 'RED' | null, total: number) => ({
      id: OTHER_COMMUNITY,
      unitCode: OTHER_COMMUNITY,
      card,
      total,
    });
    await result(cards, Q3, other('RED', 40));
    await result(noCards, Q4, other(null, 70));

    const department = (id: string, total: number) => ({ id, unitCode: '520303', total });
    await result(internalRating, Y2026, department(DEPARTMENT, 75));
    await result(publicRating, Y2025, department(DEPARTMENT, 65)); // the year before, written last
    await result(internalRating, Y2026, department(PRIVATE_ONLY_DEPARTMENT, 55));
  });
  afterAll(() => db?.close());

  const colorCards = (auth: AuthContext, codes: string[]) =>
    new AssessmentResultService(db.dataSource, auth).latestOf(
      [AssessmentSubjectKind.COMMUNITY, AssessmentSubjectKind.STREET],
      codes,
      { withCard: true },
    );
  const ratings = (auth: AuthContext, ids: string[]) =>
    new AssessmentResultService(db.dataSource, auth).latestOf([AssessmentSubjectKind.DEPARTMENT], ids);
  const summary = (r: { period: string; version: number; card: string | null; total: number } | null) =>
    r && { period: r.period, version: r.version, card: r.card, total: r.total };

  it('gives each unit the card of the period that ends last, its newest version, in one batch', async () => {
    const cards = await colorCards(new AuthContext(ANONYMOUS), [OTHER_COMMUNITY, '520303009009', COMMUNITY]);
    expect(cards.map(summary)).toEqual([
      { period: '2026-Q3', version: 1, card: 'RED', total: 40 },
      null,
      { period: '2026-Q4', version: 2, card: 'YELLOW', total: 80 },
    ]);
  });

  it('gives a department the latest rating the caller may read', async () => {
    const ids = [DEPARTMENT, PRIVATE_ONLY_DEPARTMENT];
    // Anonymous and out-of-scope callers see only the public scheme's (older) rating.
    expect((await ratings(new AuthContext(ANONYMOUS), ids)).map(summary)).toEqual([
      { period: '2025', version: 1, card: null, total: 65 },
      null,
    ]);
    expect(
      (await ratings(callerWith({ role: Role.ASSESSOR, scopeCode: '520302' }), ids)).map(summary),
    ).toEqual([{ period: '2025', version: 1, card: null, total: 65 }, null]);
    // assessment:read over the department's unit reads the internal scheme's newer one.
    expect(
      (await ratings(callerWith({ role: Role.ASSESSOR, scopeCode: '520303' }), ids)).map(summary),
    ).toEqual([
      { period: '2026', version: 1, card: null, total: 75 },
      { period: '2026', version: 1, card: null, total: 55 },
    ]);
  });
});
