import {
  AssessmentIndicatorKind,
  AssessmentMetric,
  AssessmentSubjectKind,
  type AssessmentRule,
  type CardThresholds,
  RuleEffect,
  RuleOperator,
  type StarThresholds,
} from '../scheme/assessment-kinds';
import type { AssessmentIndicatorEntity } from '../scheme/assessment-indicator.entity';

/** Every input of one subject: metric keys and `review.<indicator code>` (mean score 0–100); null = no data. */
export type SubjectInputs = Record<string, number | null>;

export interface IndicatorScore {
  code: string;
  name: string;
  kind: AssessmentIndicatorKind;
  weight: number;
  /** The input key this indicator reads. */
  input: string;
  inputValue: number | null;
  /** 0–1, what the weight is multiplied by. */
  value: number;
  formula: string;
  score: number;
}

export interface FiredRule {
  code: string;
  description: string;
  effect: RuleEffect;
  stars: number | null;
  inputValue: number;
}

export interface ScoredSubject {
  indicators: IndicatorScore[];
  total: number;
  stars: number | null;
  card: 'RED' | 'YELLOW' | 'GREEN' | null;
  advancedEligible: boolean;
  flags: string[];
  firedRules: FiredRule[];
}

export interface ScoringScheme {
  totalScale: number;
  starThresholds: StarThresholds | null;
  cardThresholds: CardThresholds | null;
  rules: AssessmentRule[];
}

interface Normaliser {
  formula: string;
  /** The 0–1 value of a present input. */
  value(input: number, months: number): number;
  /** The value when the input is missing (nothing to divide by). */
  missing: number;
}

const clamp = (v: number) => Math.min(1, Math.max(0, v));
const rate: Normaliser = {
  formula: 'rate (no tickets or nothing due → full marks)',
  value: clamp,
  missing: 1,
};
const OVERDUE_PENALTY = 0.1;
const RED_PENALTY = 0.25;
const VOLUNTEER_HOURS_PER_MONTH = 4;

/** How each metric becomes a 0–1 value. Counts cost a share of the indicator per item. */
const NORMALISERS: Record<AssessmentMetric, Normaliser> = {
  [AssessmentMetric.TICKETS_CLOSURE_RATE]: rate,
  [AssessmentMetric.TICKETS_ON_TIME_RATE]: rate,
  [AssessmentMetric.TICKETS_SATISFACTION_RATE]: rate,
  [AssessmentMetric.VISITS_COMPLETION_RATE]: rate,
  [AssessmentMetric.HOUSEHOLDS_DATA_COMPLETENESS]: rate,
  [AssessmentMetric.PARTY_MEETING_COMPLIANCE]: rate,
  [AssessmentMetric.TICKETS_REWORK_RATE]: {
    formula: '1 − rework rate (no tickets → full marks)',
    value: (v) => clamp(1 - v),
    missing: 1,
  },
  [AssessmentMetric.TICKETS_OVERDUE_COUNT]: {
    formula: `max(0, 1 − ${OVERDUE_PENALTY} × overdue tickets)`,
    value: (v) => clamp(1 - OVERDUE_PENALTY * v),
    missing: 1,
  },
  [AssessmentMetric.TICKETS_RED_COUNT]: {
    formula: `max(0, 1 − ${RED_PENALTY} × RED tickets)`,
    value: (v) => clamp(1 - RED_PENALTY * v),
    missing: 1,
  },
  [AssessmentMetric.VOLUNTEER_HOURS]: {
    formula: `min(1, hours / (${VOLUNTEER_HOURS_PER_MONTH} × months))`,
    value: (v, months) => clamp(v / (VOLUNTEER_HOURS_PER_MONTH * months)),
    missing: 0,
  },
};

const MANUAL: Normaliser = {
  formula: 'mean score / 100 (no scores → 0, flagged)',
  value: (v) => clamp(v / 100),
  missing: 0,
};

/** The input key an indicator reads. */
export const indicatorInput = (
  indicator: Pick<AssessmentIndicatorEntity, 'kind' | 'sourceMetric' | 'code'>,
) =>
  indicator.kind === AssessmentIndicatorKind.AUTOMATIC
    ? (indicator.sourceMetric as string)
    : `review.${indicator.code}`;

const COMPARE: Record<RuleOperator, (a: number, b: number) => boolean> = {
  [RuleOperator.LT]: (a, b) => a < b,
  [RuleOperator.LE]: (a, b) => a <= b,
  [RuleOperator.GT]: (a, b) => a > b,
  [RuleOperator.GE]: (a, b) => a >= b,
};

/**
 * Scores one subject: each indicator's 0–1 value × weight% × scale (in hundredths, so totals add up
 * exactly), stars and card from the thresholds, then the scheme's rules in order.
 */
export function scoreSubject(
  scheme: ScoringScheme,
  indicators: AssessmentIndicatorEntity[],
  inputs: SubjectInputs,
  months: number,
): ScoredSubject {
  const flags: string[] = [];
  let totalHundredths = 0;
  const scores = indicators.map((indicator): IndicatorScore => {
    const input = indicatorInput(indicator);
    const normaliser =
      indicator.kind === AssessmentIndicatorKind.MANUAL
        ? MANUAL
        : NORMALISERS[indicator.sourceMetric as AssessmentMetric];
    const inputValue = inputs[input] ?? null;
    if (inputValue === null && indicator.kind === AssessmentIndicatorKind.MANUAL)
      flags.push(`NO_SCORES:${indicator.code}`);
    const value = inputValue === null ? normaliser.missing : normaliser.value(inputValue, months);
    const hundredths = Math.round(indicator.weight * scheme.totalScale * value);
    totalHundredths += hundredths;
    return {
      code: indicator.code,
      name: indicator.name,
      kind: indicator.kind,
      weight: indicator.weight,
      input,
      inputValue,
      value,
      formula: `${indicator.weight}% × ${scheme.totalScale} × ${normaliser.formula}`,
      score: hundredths / 100,
    };
  });
  const total = totalHundredths / 100;
  let stars = scheme.starThresholds ? scheme.starThresholds.filter((min) => total >= min).length : null;
  const cards = scheme.cardThresholds;
  const card = cards
    ? total >= cards.greenMin
      ? 'GREEN'
      : total >= cards.yellowMin
        ? 'YELLOW'
        : 'RED'
    : null;

  const values: SubjectInputs = { ...inputs };
  for (const score of scores) values[`indicator.${score.code}`] = score.value;
  const firedRules: FiredRule[] = [];
  let advancedEligible = true;
  for (const rule of scheme.rules) {
    const inputValue = values[rule.input];
    if (inputValue === null || inputValue === undefined || !COMPARE[rule.operator](inputValue, rule.value))
      continue;
    firedRules.push({
      code: rule.code,
      description: rule.description,
      effect: rule.effect,
      stars: rule.stars ?? null,
      inputValue,
    });
    if (rule.effect === RuleEffect.NOT_ADVANCED) advancedEligible = false;
    if (rule.effect === RuleEffect.FLAG_REVIEW) flags.push(`REVIEW:${rule.code}`);
    if (rule.effect === RuleEffect.MAX_STARS && stars !== null) stars = Math.min(stars, rule.stars ?? stars);
  }
  return { indicators: scores, total, stars, card, advancedEligible, flags, firedRules };
}

/** The unit a subject is ranked within: a grid worker's community, a community's street, a street's district. */
export function rankUnitCode(kind: AssessmentSubjectKind, unitCode: string): string {
  if (kind === AssessmentSubjectKind.GRID_WORKER) return unitCode.slice(0, 12);
  if (kind === AssessmentSubjectKind.COMMUNITY) return unitCode.slice(0, 9);
  if (kind === AssessmentSubjectKind.STREET) return unitCode.slice(0, 6);
  return unitCode;
}

/** Competition ranking (1, 1, 3) by total within each unit; returns the rank of each item, by index. */
export function rankWithinUnits(items: { unit: string; total: number }[]): number[] {
  const byUnit = new Map<string, number[]>();
  items.forEach((item, i) => {
    const indexes = byUnit.get(item.unit);
    if (indexes) indexes.push(i);
    else byUnit.set(item.unit, [i]);
  });
  const ranks = new Array<number>(items.length);
  for (const indexes of byUnit.values()) {
    indexes.sort((a, b) => items[b].total - items[a].total);
    indexes.forEach((index, position) => {
      const previous = indexes[position - 1];
      ranks[index] =
        position > 0 && items[previous].total === items[index].total ? ranks[previous] : position + 1;
    });
  }
  return ranks;
}
