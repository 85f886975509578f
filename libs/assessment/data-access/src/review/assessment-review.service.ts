import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, conflict, forbidden, InputProblems, isUuid, notFound } from '@gridgov/platform-errors';
import { AssessmentIndicatorKind, ManualSource } from '../scheme/assessment-kinds';
import { AssessmentIndicatorEntity } from '../scheme/assessment-indicator.entity';
import { AssessmentSchemeEntity } from '../scheme/assessment-scheme.entity';
import { parsePeriod } from '../run/assessment-period';
import { toHundredths } from '../scheme/assessment-scheme.validation';
import type { FactSource } from '../run/fact-source';
import { AssessmentReviewEntity, AssessmentSurveyEntity } from './assessment-review.entity';

export interface ReviewTarget {
  schemeId: string;
  indicatorCode: string;
  period: string;
  subjectId: string;
  /** A grid worker's grid code, otherwise the subject's 12-digit unit code. */
  subjectUnitCode: string;
}

export interface EnterReviewInput extends ReviewTarget {
  score: number;
  comment?: string | null;
}

export interface CreateSurveyInput extends ReviewTarget {
  gridCode: string;
  size: number;
}

const MAX_SURVEY_SIZE = 200;
/** Widest scope code of a reviewer per source: a secretary's community, a leader's street. */
const REVIEWER_SCOPE_MAX_LENGTH: Record<ManualSource, number> = {
  [ManualSource.SURVEY]: 15,
  [ManualSource.PEER_REVIEW]: 12,
  [ManualSource.SECRETARY_REVIEW]: 12,
  [ManualSource.LEADER_REVIEW]: 9,
};

const hashToken = (token: string) => createHash('sha256').update(token).digest();

/** Manual indicator scores: reviews by allowed accounts within scope, and one-time resident surveys. */
export class AssessmentReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
    private readonly facts: FactSource,
  ) {}

  /** Enters (or replaces) the caller's score; the indicator's source decides who may. */
  async enter(input: EnterReviewInput): Promise<AssessmentReviewEntity> {
    const problems = new InputProblems();
    problems.check(
      input.score >= 0 && input.score <= 100 && toHundredths(input.score) !== undefined,
      'input.score',
      'must be 0 to 100 with at most two decimals',
    );
    problems.check((input.comment ?? '').length <= 500, 'input.comment', 'must be at most 500 characters');
    problems.throwIfAny();
    const { indicator, period } = await this.target(input);
    const source = indicator.manualSource as ManualSource;
    if (source === ManualSource.SURVEY)
      throw badInput(
        'input.indicatorCode',
        `${indicator.code} is scored by resident surveys; create a survey instead`,
      );
    this.assertReviewer(source, input.subjectUnitCode);
    if (source === ManualSource.PEER_REVIEW && input.subjectId === this.auth.accountId)
      throw forbidden('Peer review (互督互评) of yourself is not allowed');
    const [row] = (await this.dataSource.query(
      `INSERT INTO assessment_review
         (scheme_id, indicator_code, period, subject_id, subject_unit_code, reviewer_id, score, comment)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (scheme_id, period, indicator_code, subject_id, reviewer_id)
       DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment,
                     subject_unit_code = EXCLUDED.subject_unit_code, updated_at = now()
       RETURNING id`,
      [
        input.schemeId,
        indicator.code,
        period,
        input.subjectId,
        input.subjectUnitCode,
        this.auth.accountId,
        input.score,
        input.comment?.trim() ?? '',
      ],
    )) as { id: string }[];
    return this.dataSource.getRepository(AssessmentReviewEntity).findOneByOrFail({ id: row.id });
  }

  /**
   * Samples residents of a grid (ids from grid-service, never names) and gives each a one-time
   * token; the tokens are returned once, only their hashes are kept.
   */
  async createSurvey(
    input: CreateSurveyInput,
  ): Promise<{ survey: AssessmentSurveyEntity; tokens: { residentId: string; token: string }[] }> {
    const problems = new InputProblems();
    problems.check(/^\d{15}$/.test(input.gridCode), 'input.gridCode', 'must be a 15-digit grid code');
    problems.check(
      Number.isInteger(input.size) && input.size >= 1 && input.size <= MAX_SURVEY_SIZE,
      'input.size',
      `must be 1 to ${MAX_SURVEY_SIZE} residents`,
    );
    problems.check(
      input.gridCode.startsWith(input.subjectUnitCode.slice(0, 12)),
      'input.gridCode',
      "must be a grid of the subject's community",
    );
    problems.throwIfAny();
    const { indicator, period } = await this.target(input);
    if (indicator.manualSource !== ManualSource.SURVEY)
      throw badInput('input.indicatorCode', `${indicator.code} is not scored by resident surveys`);
    this.assertReviewer(ManualSource.SURVEY, input.subjectUnitCode);
    this.auth.assert(Permission.ASSESSMENT_REVIEW, input.gridCode);
    const residentIds = await this.facts.residentSample(input.gridCode, input.size);
    if (residentIds.length === 0)
      throw badInput('input.gridCode', `grid ${input.gridCode} has no residents to ask`);
    const tokens = residentIds.map((residentId) => ({
      residentId,
      token: randomBytes(24).toString('base64url'),
    }));
    const survey = await this.dataSource.transaction(async (manager) => {
      const created = manager.create(AssessmentSurveyEntity, {
        schemeId: input.schemeId,
        indicatorCode: indicator.code,
        period,
        subjectId: input.subjectId,
        subjectUnitCode: input.subjectUnitCode,
        gridCode: input.gridCode,
        createdBy: this.auth.accountId,
      });
      await manager.insert(AssessmentSurveyEntity, created);
      await manager.query(
        `INSERT INTO assessment_survey_token (token_hash, survey_id, resident_id)
         SELECT hash, $1, resident FROM unnest($2::bytea[], $3::uuid[]) AS t(hash, resident)`,
        [created.id, tokens.map((t) => hashToken(t.token)), tokens.map((t) => t.residentId)],
      );
      return created;
    });
    return { survey, tokens };
  }

  /** A resident's answer, without sign-in: each token works exactly once. */
  async answerSurvey(token: string, score: number): Promise<void> {
    if (!Number.isInteger(score) || score < 0 || score > 100)
      throw badInput('score', 'must be a whole number from 0 to 100');
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) throw badInput('token', 'is not a survey token');
    const hash = hashToken(token);
    const updated = (await this.dataSource.query(
      `UPDATE assessment_survey_token SET score = $2, answered_at = now()
        WHERE token_hash = $1 AND answered_at IS NULL RETURNING survey_id`,
      [hash, score],
    )) as [unknown[], number];
    if (updated[1] === 1) return;
    const [used] = (await this.dataSource.query(
      `SELECT 1 FROM assessment_survey_token WHERE token_hash = $1`,
      [hash],
    )) as unknown[];
    if (used) throw conflict('This survey link has been used already; each resident answers once');
    throw notFound('SurveyToken', 'given');
  }

  /** The scheme's manual indicator, the period, and the subject inside the scheme's unit. */
  private async target(
    input: ReviewTarget,
  ): Promise<{ indicator: AssessmentIndicatorEntity; period: string }> {
    const scheme = isUuid(input.schemeId)
      ? await this.dataSource.getRepository(AssessmentSchemeEntity).findOneBy({ id: input.schemeId })
      : null;
    if (!scheme) throw notFound('AssessmentScheme', input.schemeId);
    const indicator = await this.dataSource
      .getRepository(AssessmentIndicatorEntity)
      .findOneBy({ schemeId: scheme.id, code: input.indicatorCode });
    if (!indicator || indicator.kind !== AssessmentIndicatorKind.MANUAL)
      throw badInput(
        'input.indicatorCode',
        `scheme ${scheme.name} has no manual indicator ${input.indicatorCode}`,
      );
    if (
      !/^\d{12}(\d{3})?$/.test(input.subjectUnitCode) ||
      !input.subjectUnitCode.startsWith(scheme.ownerUnitCode)
    )
      throw badInput(
        'input.subjectUnitCode',
        `must be a unit or grid code under ${scheme.ownerUnitCode}, where the scheme applies`,
      );
    if (input.subjectId.length < 1 || input.subjectId.length > 64)
      throw badInput('input.subjectId', 'must be 1 to 64 characters');
    return { indicator, period: parsePeriod(scheme.periodKind, input.period, 'input.period').key };
  }

  /** assessment:review over the subject, from a grant no narrower than the source allows. */
  private assertReviewer(source: ManualSource, subjectUnitCode: string): void {
    this.auth.assert(Permission.ASSESSMENT_REVIEW, subjectUnitCode);
    const allowed = this.auth
      .scopePrefixes(Permission.ASSESSMENT_REVIEW)
      .some(
        (prefix) => subjectUnitCode.startsWith(prefix) && prefix.length <= REVIEWER_SCOPE_MAX_LENGTH[source],
      );
    if (!allowed)
      throw forbidden(
        `A ${source} needs assessment:review granted at ${source === ManualSource.LEADER_REVIEW ? 'a street' : 'the community'} or above`,
      );
  }
}
