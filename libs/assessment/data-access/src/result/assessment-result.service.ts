import { type DataSource, In } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, forbidden, isUuid, notFound } from '@gridgov/platform-errors';
import { AssessmentSubjectKind } from '../scheme/assessment-kinds';
import { AssessmentSchemeEntity } from '../scheme/assessment-scheme.entity';
import { AssessmentRunEntity } from '../run/assessment-run.entity';
import { AssessmentResultEntity } from './assessment-result.entity';

const MAX_BOARD = 100;

export interface PublishedSatisfaction {
  unitCode: string;
  period: string;
  satisfactionRate: number | null;
  total: number;
  card: string | null;
}

/** The latest version of each subject's result per scheme and period, among `where`. */
const LATEST = (where: string) => `
  SELECT DISTINCT ON (r.scheme_id, r.period, r.subject_id) r.id
    FROM assessment_result r WHERE ${where}
   ORDER BY r.scheme_id, r.period, r.subject_id, r.version DESC`;

/**
 * Reading results: a subject reads its own, assessment:read reads those in scope, and results of
 * public schemes on the honour board and the published satisfaction are open to everyone.
 */
export class AssessmentResultService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {}

  private readonly results = () => this.dataSource.getRepository(AssessmentResultEntity);

  canRead(result: Pick<AssessmentResultEntity, 'subjectId' | 'subjectUnitCode'>): boolean {
    return (
      (this.auth.isAuthenticated && result.subjectId === this.auth.accountId) ||
      this.auth.can(Permission.ASSESSMENT_READ, result.subjectUnitCode)
    );
  }

  async get(id: string): Promise<AssessmentResultEntity> {
    const result = isUuid(id) ? await this.results().findOneBy({ id }) : null;
    if (!result) throw notFound('AssessmentResult', id);
    if (!this.canRead(result)) throw forbidden(`Assessment result ${id} is outside your scope`);
    return result;
  }

  /** Schemes of results already read (for their thresholds); no scope check of their own. */
  schemesOf(ids: string[]): Promise<AssessmentSchemeEntity[]> {
    return this.dataSource.getRepository(AssessmentSchemeEntity).findBy({ id: In(ids) });
  }

  /** Runs of a scheme's period, newest version first: a scheme read through `AssessmentSchemeService.get`, which checked scope. */
  runs(scheme: Pick<AssessmentSchemeEntity, 'id'>, period: string): Promise<AssessmentRunEntity[]> {
    return this.dataSource
      .getRepository(AssessmentRunEntity)
      .find({ where: { schemeId: scheme.id, period }, order: { version: 'DESC' } });
  }

  /** A unit's ranking (rank 1 first) in a version of a run, the latest by default. */
  async ranking(filter: {
    schemeId: string;
    period: string;
    unitCode: string;
    version?: number | null;
  }): Promise<AssessmentResultEntity[]> {
    if (!/^\d{6,15}$/.test(filter.unitCode))
      throw badInput('unitCode', 'must be the code of the unit ranked within');
    this.auth.assert(Permission.ASSESSMENT_READ, filter.unitCode);
    const run = await this.runOf(filter.schemeId, filter.period, filter.version ?? null);
    return this.results().find({
      where: { runId: run.id, rankUnitCode: filter.unitCode },
      order: { rankInUnit: 'ASC', subjectId: 'ASC' },
    });
  }

  async runOf(schemeId: string, period: string, version: number | null): Promise<AssessmentRunEntity> {
    if (!isUuid(schemeId)) throw notFound('AssessmentScheme', schemeId);
    const run = await this.dataSource.getRepository(AssessmentRunEntity).findOne({
      where: { schemeId, period, ...(version ? { version } : {}) },
      order: { version: 'DESC' },
    });
    if (!run) throw notFound('AssessmentRun', `${schemeId} ${period}${version ? ` v${version}` : ''}`);
    return run;
  }

  /** For `Account.assessments`: each account's latest results per scheme and period, newest period first. */
  async ofAccounts(accountIds: readonly string[]): Promise<AssessmentResultEntity[][]> {
    const rows = await this.results()
      .createQueryBuilder('r')
      .where(
        `r.id IN (${LATEST(`r.subject_id = ANY(:ids) AND r.subject_kind = '${AssessmentSubjectKind.GRID_WORKER}'`)})`,
        {
          ids: [...accountIds],
        },
      )
      .orderBy('r.period', 'DESC')
      .getMany();
    return accountIds.map((id) => rows.filter((r) => r.subjectId === id && this.canRead(r)));
  }

  /**
   * For `AdminUnit.colorCard` and `Department.assessment`, one query per batch: each subject's latest
   * result the caller may read (public scheme, own, or in assessment:read scope), latest meaning the
   * period that ends last, then the highest version. Readability is filtered before the pick, so an
   * unreadable newer result leaves the latest readable one.
   */
  async latestOf(
    kinds: AssessmentSubjectKind[],
    subjectIds: readonly string[],
    options: { withCard?: boolean } = {},
  ): Promise<(AssessmentResultEntity | null)[]> {
    const rows = await this.results()
      .createQueryBuilder('r')
      .where(
        `r.id IN (
           SELECT DISTINCT ON (l.subject_id) l.id
             FROM assessment_result l
             JOIN assessment_run run ON run.id = l.run_id
             LEFT JOIN assessment_scheme s ON s.id = l.scheme_id
            WHERE l.subject_id = ANY(:ids) AND l.subject_kind = ANY(:kinds)
              AND (:anyCard OR l.card IS NOT NULL)
              AND (s.is_public OR l.subject_id = :me OR l.subject_unit_code LIKE ANY(:scopes))
            ORDER BY l.subject_id, run.period_end DESC, l.version DESC, l.created_at DESC)`,
        {
          ids: [...subjectIds],
          kinds,
          anyCard: !options.withCard,
          me: this.auth.isAuthenticated ? this.auth.accountId : null,
          scopes: this.auth.scopePrefixes(Permission.ASSESSMENT_READ).map((prefix) => `${prefix}%`),
        },
      )
      .getMany();
    const bySubject = new Map(rows.map((r) => [r.subjectId, r]));
    return subjectIds.map((id) => bySubject.get(id) ?? null);
  }

  /** 红色文明榜: party members and volunteers of public schemes under a unit by points (their latest run's total), open to all. */
  async honourBoard(unitCode: string, limit: number): Promise<AssessmentResultEntity[]> {
    if (!/^\d{2,12}$/.test(unitCode)) throw badInput('unitCode', 'must be a unit code prefix');
    if (!(limit >= 1 && limit <= MAX_BOARD)) throw badInput('first', `must be 1 to ${MAX_BOARD}`);
    return this.results()
      .createQueryBuilder('r')
      .where(
        `r.run_id IN (
           SELECT DISTINCT ON (run.scheme_id) run.id FROM assessment_run run
             JOIN assessment_scheme s ON s.id = run.scheme_id AND s.is_public AND s.subject_kind = :kind
            ORDER BY run.scheme_id, run.period DESC, run.version DESC)`,
        { kind: AssessmentSubjectKind.PARTY_MEMBER },
      )
      .andWhere('r.subject_unit_code LIKE :prefix', { prefix: `${unitCode}%` })
      .orderBy('r.total', 'DESC')
      .addOrderBy('r.subjectId', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Published community satisfaction (公示): the latest public community results under a unit, open to all. */
  async publishedSatisfaction(unitCode: string): Promise<PublishedSatisfaction[]> {
    if (!/^\d{2,12}$/.test(unitCode)) throw badInput('unitCode', 'must be a unit code prefix');
    const rows = await this.results()
      .createQueryBuilder('r')
      .innerJoin(AssessmentSchemeEntity, 's', 's.id = r.schemeId AND s.isPublic')
      .where(
        `r.id IN (${LATEST(`r.subject_kind = '${AssessmentSubjectKind.COMMUNITY}' AND r.subject_id LIKE :prefix`)})`,
        {
          prefix: `${unitCode}%`,
        },
      )
      .orderBy('r.subjectId', 'ASC')
      .addOrderBy('r.period', 'DESC')
      .getMany();
    const latest = rows.filter((row, i) => i === 0 || rows[i - 1].subjectId !== row.subjectId);
    return latest.map((r) => ({
      unitCode: r.subjectId,
      period: r.period,
      satisfactionRate: r.inputs['tickets.satisfactionRate'] ?? null,
      total: r.total,
      card: r.card,
    }));
  }
}
