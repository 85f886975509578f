import type { DataSource } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, invalidTransition, isUuid, notFound } from '@gridgov/platform-errors';
import {
  AssessmentMetric,
  AssessmentSchemeStatus,
  AssessmentSubjectKind,
  RESIDENT_SUBJECT_PREFIX,
} from '../scheme/assessment-kinds';
import { AssessmentIndicatorEntity } from '../scheme/assessment-indicator.entity';
import { AssessmentSchemeEntity } from '../scheme/assessment-scheme.entity';
import { AssessmentResultEntity } from '../result/assessment-result.entity';
import { type AssessmentPeriod, parsePeriod } from './assessment-period';
import { AssessmentRunEntity } from './assessment-run.entity';
import {
  indicatorInput,
  rankUnitCode,
  rankWithinUnits,
  scoreSubject,
  type SubjectInputs,
} from './assessment-scoring';
import type { FactSource, GridFact, Subject, TicketFact, TicketFactGroup } from './fact-source';

const INSERT_CHUNK = 1_000;

/** Which ticket facts row belongs to a subject. */
const TICKET_GROUP: Partial<
  Record<AssessmentSubjectKind, { group: TicketFactGroup; key: (s: Subject) => string }>
> = {
  [AssessmentSubjectKind.GRID_WORKER]: { group: 'GRID', key: (s) => s.unitCode },
  [AssessmentSubjectKind.COMMUNITY]: { group: 'COMMUNITY', key: (s) => s.id },
  [AssessmentSubjectKind.STREET]: { group: 'STREET', key: (s) => s.id.slice(0, 9) },
  [AssessmentSubjectKind.DEPARTMENT]: { group: 'DEPARTMENT', key: (s) => s.id },
};

/** The code prefix whose grids make up a subject's area (null: the kind has no area of grids). */
const AREA: Partial<Record<AssessmentSubjectKind, (s: Subject) => string>> = {
  [AssessmentSubjectKind.GRID_WORKER]: (s) => s.unitCode,
  [AssessmentSubjectKind.COMMUNITY]: (s) => s.id,
  [AssessmentSubjectKind.STREET]: (s) => s.id.slice(0, 9),
};

const ticketInputs = (fact: TicketFact | undefined): SubjectInputs => ({
  'tickets.received': fact?.received ?? 0,
  'tickets.closed': fact?.closed ?? 0,
  [AssessmentMetric.TICKETS_CLOSURE_RATE]: fact?.closureRate ?? null,
  [AssessmentMetric.TICKETS_ON_TIME_RATE]: fact?.onTimeRate ?? null,
  [AssessmentMetric.TICKETS_SATISFACTION_RATE]: fact?.satisfactionRate ?? null,
  [AssessmentMetric.TICKETS_REWORK_RATE]: fact?.reworkRate ?? null,
  [AssessmentMetric.TICKETS_OVERDUE_COUNT]: fact?.overdue ?? 0,
  [AssessmentMetric.TICKETS_RED_COUNT]: fact?.red ?? 0,
});

/** Sums the grids of an area (one grid for a grid worker); completeness is the mean over its grids. */
function gridInputs(grids: GridFact[]): SubjectInputs {
  const due = grids.reduce((sum, g) => sum + g.visitsDue, 0);
  const done = grids.reduce((sum, g) => sum + g.visitsDone, 0);
  const known = grids.filter((g) => g.dataCompleteness !== null);
  return {
    'visits.due': due,
    'visits.done': done,
    [AssessmentMetric.VISITS_COMPLETION_RATE]: due ? done / due : null,
    [AssessmentMetric.HOUSEHOLDS_DATA_COMPLETENESS]: known.length
      ? known.reduce((sum, g) => sum + (g.dataCompleteness as number), 0) / known.length
      : null,
  };
}

/**
 * Runs a scheme for a period: reads every subject's facts in a few batched calls through the
 * gateway, adds the manual scores, scores and ranks, and writes a new version of immutable results.
 */
export class AssessmentRunService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facts: FactSource,
  ) {}

  /** On demand: needs assessment:manage in the scheme's unit. */
  async runAs(auth: AuthContext, schemeId: string, periodText: string): Promise<AssessmentRunEntity> {
    const scheme = isUuid(schemeId)
      ? await this.dataSource.getRepository(AssessmentSchemeEntity).findOneBy({ id: schemeId })
      : null;
    if (!scheme) throw notFound('AssessmentScheme', schemeId);
    auth.assert(Permission.ASSESSMENT_MANAGE, scheme.ownerUnitCode);
    return this.run(scheme, parsePeriod(scheme.periodKind, periodText), auth.accountId);
  }

  /** Scheduled runs and the on-demand path after its checks. */
  async run(
    scheme: AssessmentSchemeEntity,
    period: AssessmentPeriod,
    startedBy: string | null,
  ): Promise<AssessmentRunEntity> {
    if (scheme.status !== AssessmentSchemeStatus.ACTIVE)
      throw invalidTransition(`Scheme ${scheme.id} is a DRAFT; activate it before running it`);
    if (period.from.getTime() > Date.now()) throw badInput('period', `${period.key} has not begun yet`);
    const indicators = await this.dataSource
      .getRepository(AssessmentIndicatorEntity)
      .find({ where: { schemeId: scheme.id }, order: { position: 'ASC' } });
    const subjects = await this.facts.subjects(scheme.subjectKind, scheme.ownerUnitCode);
    const inputs = await this.inputsOf(scheme, indicators, subjects, period);

    const scored = subjects.map((subject, i) => ({
      subject,
      unit: rankUnitCode(scheme.subjectKind, subject.unitCode),
      inputs: inputs[i],
      ...scoreSubject(scheme, indicators, inputs[i], period.months),
    }));
    const ranks = rankWithinUnits(scored);
    return this.dataSource.transaction(async (manager) => {
      // Versions of one scheme and period are numbered one after another, even for concurrent runs.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `assessment-run:${scheme.id}:${period.key}`,
      ]);
      const [{ max }] = (await manager.query(
        `SELECT max(version) AS max FROM assessment_run WHERE scheme_id = $1 AND period = $2`,
        [scheme.id, period.key],
      )) as { max: number | null }[];
      const run = manager.create(AssessmentRunEntity, {
        schemeId: scheme.id,
        period: period.key,
        version: (max ?? 0) + 1,
        periodStart: period.from,
        periodEnd: period.to,
        subjectCount: subjects.length,
        startedBy,
      });
      await manager.insert(AssessmentRunEntity, run);
      const rows = scored.map((s, i) => ({
        runId: run.id,
        schemeId: scheme.id,
        period: period.key,
        version: run.version,
        subjectKind: scheme.subjectKind,
        subjectId: s.subject.id,
        subjectUnitCode: s.subject.unitCode,
        rankUnitCode: s.unit,
        rankInUnit: ranks[i],
        total: s.total,
        stars: s.stars,
        card: s.card,
        advancedEligible: s.advancedEligible,
        flags: s.flags,
        firedRules: s.firedRules,
        inputs: s.inputs,
        indicators: s.indicators,
      }));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK)
        await manager.insert(AssessmentResultEntity, rows.slice(i, i + INSERT_CHUNK));
      return run;
    });
  }

  /** Every subject's inputs, in subject order: one batched call per source the scheme reads. */
  private async inputsOf(
    scheme: AssessmentSchemeEntity,
    indicators: AssessmentIndicatorEntity[],
    subjects: Subject[],
    period: AssessmentPeriod,
  ): Promise<SubjectInputs[]> {
    const keys = [...indicators.map(indicatorInput), ...scheme.rules.map((r) => r.input)];
    const reads = (source: string) => keys.some((key) => key.startsWith(`${source}.`));
    const prefix = scheme.ownerUnitCode;
    const kind = scheme.subjectKind;
    const ticketGroup = TICKET_GROUP[kind];
    const area = AREA[kind];
    const [tickets, grids, volunteers, meetings, manual] = await Promise.all([
      ticketGroup && reads('tickets') ? this.facts.ticketFacts(ticketGroup.group, prefix, period) : null,
      area && (reads('visits') || reads('households')) ? this.facts.gridFacts(prefix, period) : null,
      kind === AssessmentSubjectKind.PARTY_MEMBER && reads('volunteer')
        ? this.facts.volunteerHours(prefix, period)
        : null,
      kind === AssessmentSubjectKind.PARTY_BRANCH && reads('party')
        ? this.facts.meetingCompliance(prefix, period)
        : null,
      this.manualScores(scheme.id, period.key),
    ]);
    const ticketByKey = new Map((tickets ?? []).map((t) => [t.key, t]));
    const hoursBySubject = new Map<string, number>();
    for (const v of volunteers ?? []) {
      const id = v.partyMemberId ?? `${RESIDENT_SUBJECT_PREFIX}${v.residentId}`;
      // A member may come in several rows (signed up with and without their resident id).
      hoursBySubject.set(id, (hoursBySubject.get(id) ?? 0) + v.hours);
    }
    const meetingsByBranch = new Map((meetings ?? []).map((m) => [m.branchId, m]));
    const sortedGrids = (grids ?? []).slice().sort((a, b) => a.gridCode.localeCompare(b.gridCode));

    return subjects.map((subject) => {
      const inputs: SubjectInputs = {};
      if (tickets && ticketGroup)
        Object.assign(inputs, ticketInputs(ticketByKey.get(ticketGroup.key(subject))));
      if (grids && area) Object.assign(inputs, gridInputs(gridsUnder(sortedGrids, area(subject))));
      if (volunteers) inputs[AssessmentMetric.VOLUNTEER_HOURS] = hoursBySubject.get(subject.id) ?? 0;
      if (meetings) {
        const m = meetingsByBranch.get(subject.id);
        inputs[AssessmentMetric.PARTY_MEETING_COMPLIANCE] = m && m.required ? m.held / m.required : null;
      }
      for (const indicator of indicators.filter((i) => i.manualSource)) {
        const entry = manual.get(`${indicator.code}|${subject.id}|${subject.unitCode}`);
        inputs[`review.${indicator.code}`] = entry ? entry.sum / entry.count : null;
        inputs[`review.${indicator.code}.count`] = entry?.count ?? 0;
      }
      return inputs;
    });
  }

  /**
   * Mean manual scores per indicator, subject and subject unit: reviews (only those given for the
   * subject's actual unit count) and answered survey tokens.
   */
  private async manualScores(
    schemeId: string,
    period: string,
  ): Promise<Map<string, { sum: number; count: number }>> {
    const rows: { key: string; sum: string; count: string }[] = await this.dataSource.query(
      `SELECT indicator_code || '|' || subject_id || '|' || subject_unit_code AS key, sum(score) AS sum, count(*) AS count
         FROM assessment_review WHERE scheme_id = $1 AND period = $2
        GROUP BY 1
       UNION ALL
       SELECT s.indicator_code || '|' || s.subject_id || '|' || s.subject_unit_code, sum(t.score), count(*)
         FROM assessment_survey s JOIN assessment_survey_token t ON t.survey_id = s.id AND t.answered_at IS NOT NULL
        WHERE s.scheme_id = $1 AND s.period = $2
        GROUP BY 1`,
      [schemeId, period],
    );
    const scores = new Map<string, { sum: number; count: number }>();
    for (const row of rows) {
      const entry = scores.get(row.key) ?? { sum: 0, count: 0 };
      entry.sum += Number(row.sum);
      entry.count += Number(row.count);
      scores.set(row.key, entry);
    }
    return scores;
  }
}

/** The grids whose code starts with `prefix`, by binary search over grids sorted by code. */
function gridsUnder(sorted: GridFact[], prefix: string): GridFact[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid].gridCode < prefix) low = mid + 1;
    else high = mid;
  }
  const found: GridFact[] = [];
  for (let i = low; i < sorted.length && sorted[i].gridCode.startsWith(prefix); i++) found.push(sorted[i]);
  return found;
}
