import { InputProblems } from '@gridgov/platform-errors';
import {
  AssessmentIndicatorKind,
  AssessmentMetric,
  AssessmentPeriodKind,
  type AssessmentRule,
  AssessmentSubjectKind,
  ManualSource,
  RuleEffect,
  type CardThresholds,
  type StarThresholds,
  TOTAL_SCALES,
  type TotalScale,
} from './assessment-kinds';
import { unitScopeCode } from './unit-scope-code';

export interface AssessmentIndicatorInput {
  code: string;
  name: string;
  kind: AssessmentIndicatorKind;
  sourceMetric?: AssessmentMetric | null;
  /** MANUAL indicators only; defaults to SECRETARY_REVIEW. */
  manualSource?: ManualSource | null;
  weight: number;
}

export interface CreateAssessmentSchemeInput {
  name: string;
  subjectKind: AssessmentSubjectKind;
  periodKind: AssessmentPeriodKind;
  totalScale: number;
  /** 12-digit admin unit code or its significant prefix. */
  ownerUnitCode: string;
  starThresholds?: StarThresholds | null;
  cardThresholds?: CardThresholds | null;
  isPublic?: boolean | null;
  indicators: AssessmentIndicatorInput[];
  rules?: AssessmentRule[] | null;
}

/** Input after validation: trimmed, owner as significant prefix, indicators numbered. */
export interface ValidSchemeInput {
  name: string;
  subjectKind: AssessmentSubjectKind;
  periodKind: AssessmentPeriodKind;
  totalScale: TotalScale;
  ownerUnitCode: string;
  starThresholds: StarThresholds | null;
  cardThresholds: CardThresholds | null;
  isPublic: boolean;
  indicators: (Required<AssessmentIndicatorInput> & {
    sourceMetric: AssessmentMetric | null;
    manualSource: ManualSource | null;
    position: number;
  })[];
  rules: AssessmentRule[];
}

export const MAX_INDICATORS = 50;
const STAR_LEVELS = 5;
const INDICATOR_CODE = /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/;
const METRICS = new Set<string>(Object.values(AssessmentMetric));

/**
 * A number with at most two decimals as an integer count of hundredths, or undefined. Weights and
 * thresholds are compared in hundredths so 33.33 + 33.33 + 33.34 is exactly 100.
 */
export function toHundredths(value: number): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  const scaled = value * 100;
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) < 1e-6 ? rounded : undefined;
}

/** Checks everything that can be checked without the database; throws BAD_USER_INPUT naming each field. */
export function validateSchemeInput(input: CreateAssessmentSchemeInput): ValidSchemeInput {
  const problems = new InputProblems();
  const name = input.name.trim();
  problems.check(name.length >= 2 && name.length <= 100, 'input.name', 'must be 2 to 100 characters');
  const ownerUnitCode = unitScopeCode(input.ownerUnitCode.trim());
  problems.check(
    ownerUnitCode !== undefined,
    'input.ownerUnitCode',
    'must be a 12-digit administrative unit code such as 520303000000, or its significant prefix such as 520303',
  );
  const scaleValid = (TOTAL_SCALES as readonly number[]).includes(input.totalScale);
  problems.check(scaleValid, 'input.totalScale', `must be one of ${TOTAL_SCALES.join(', ')}`);
  const scale = scaleValid ? input.totalScale * 100 : undefined;

  checkStarThresholds(problems, input.starThresholds ?? null, scale);
  checkCardThresholds(problems, input.cardThresholds ?? null, scale);
  checkIndicators(problems, input.indicators);
  checkRules(problems, input.rules ?? [], input.indicators);
  problems.throwIfAny();

  return {
    name,
    subjectKind: input.subjectKind,
    periodKind: input.periodKind,
    totalScale: input.totalScale as TotalScale,
    ownerUnitCode: ownerUnitCode!,
    starThresholds: input.starThresholds ?? null,
    cardThresholds: input.cardThresholds
      ? { yellowMin: input.cardThresholds.yellowMin, greenMin: input.cardThresholds.greenMin }
      : null,
    isPublic: input.isPublic ?? false,
    indicators: input.indicators.map((indicator, i) => ({
      code: indicator.code.trim(),
      name: indicator.name.trim(),
      kind: indicator.kind,
      sourceMetric: indicator.sourceMetric ?? null,
      manualSource:
        indicator.kind === AssessmentIndicatorKind.MANUAL
          ? (indicator.manualSource ?? ManualSource.SECRETARY_REVIEW)
          : null,
      weight: toHundredths(indicator.weight)! / 100,
      position: i + 1,
    })),
    rules: (input.rules ?? []).map((rule) => ({
      code: rule.code.trim(),
      description: rule.description.trim(),
      input: rule.input.trim(),
      operator: rule.operator,
      value: rule.value,
      effect: rule.effect,
      stars: rule.effect === RuleEffect.MAX_STARS ? rule.stars : null,
    })),
  };
}

/** A score threshold in hundredths, or a problem recorded for `field` (scale undefined: skip the range check). */
function scoreInHundredths(
  problems: InputProblems,
  value: number,
  field: string,
  scale: number | undefined,
): number | undefined {
  const hundredths = toHundredths(value);
  if (hundredths === undefined) {
    problems.add(field, 'must be a number with at most two decimals');
  } else if (hundredths < 0) {
    problems.add(field, 'must not be negative');
  } else if (scale !== undefined && hundredths > scale) {
    problems.add(field, `must not exceed the total scale ${scale / 100}`);
  } else {
    return hundredths;
  }
  return undefined;
}

function checkStarThresholds(
  problems: InputProblems,
  stars: StarThresholds | null,
  scale: number | undefined,
): void {
  if (stars === null) return;
  if (stars.length !== STAR_LEVELS) {
    problems.add(
      'input.starThresholds',
      `must list the minimum score for 1 to ${STAR_LEVELS} stars (${STAR_LEVELS} numbers)`,
    );
    return;
  }
  let previous: number | undefined;
  stars.forEach((value, i) => {
    const field = `input.starThresholds[${i}]`;
    const hundredths = scoreInHundredths(problems, value, field, scale);
    if (hundredths !== undefined && previous !== undefined && hundredths <= previous) {
      problems.add(
        field,
        `must be greater than the threshold for ${i} star${i === 1 ? '' : 's'} (${previous / 100})`,
      );
    }
    previous = hundredths;
  });
}

function checkCardThresholds(
  problems: InputProblems,
  cards: CardThresholds | null,
  scale: number | undefined,
): void {
  if (cards === null) return;
  const yellow = scoreInHundredths(problems, cards.yellowMin, 'input.cardThresholds.yellowMin', scale);
  const green = scoreInHundredths(problems, cards.greenMin, 'input.cardThresholds.greenMin', scale);
  if (yellow !== undefined && green !== undefined && green <= yellow) {
    problems.add(
      'input.cardThresholds.greenMin',
      `must be greater than yellowMin (${yellow / 100}); scores below yellowMin get a red card`,
    );
  }
}

function checkIndicators(problems: InputProblems, indicators: AssessmentIndicatorInput[]): void {
  if (indicators.length === 0 || indicators.length > MAX_INDICATORS) {
    problems.add('input.indicators', `must list 1 to ${MAX_INDICATORS} indicators`);
    return;
  }
  const seenCodes = new Map<string, number>();
  let total = 0;
  let weightsValid = true;
  indicators.forEach((indicator, i) => {
    const field = `input.indicators[${i}]`;
    const code = indicator.code.trim();
    if (!INDICATOR_CODE.test(code)) {
      problems.add(`${field}.code`, 'must start with a letter and use at most 40 letters, digits, _ . or -');
    } else {
      const earlier = seenCodes.get(code.toLowerCase());
      if (earlier !== undefined)
        problems.add(`${field}.code`, `repeats the code of input.indicators[${earlier}]`);
      else seenCodes.set(code.toLowerCase(), i);
    }
    const name = indicator.name.trim();
    problems.check(name.length >= 1 && name.length <= 100, `${field}.name`, 'must be 1 to 100 characters');

    const metric = indicator.sourceMetric ?? null;
    if (indicator.kind === AssessmentIndicatorKind.AUTOMATIC) {
      problems.check(
        metric !== null && METRICS.has(metric),
        `${field}.sourceMetric`,
        'an automatic indicator needs a source metric',
      );
      problems.check(
        !indicator.manualSource,
        `${field}.manualSource`,
        'only manual indicators have a manual source',
      );
    } else {
      problems.check(
        metric === null,
        `${field}.sourceMetric`,
        'only automatic indicators have a source metric',
      );
    }

    const weight = toHundredths(indicator.weight);
    if (weight === undefined || weight <= 0 || weight > 10_000) {
      problems.add(
        `${field}.weight`,
        'must be a percentage above 0 and at most 100, with at most two decimals',
      );
      weightsValid = false;
    } else {
      total += weight;
    }
  });
  if (weightsValid && total !== 10_000) {
    problems.add('input.indicators', `weights add up to ${total / 100}%; they must add up to exactly 100%`);
  }
}

const MAX_RULES = 20;

/** A rule reads a metric key or `indicator.<code>` of this scheme. */
function checkRules(
  problems: InputProblems,
  rules: AssessmentRule[],
  indicators: AssessmentIndicatorInput[],
): void {
  if (rules.length > MAX_RULES) {
    problems.add('input.rules', `must list at most ${MAX_RULES} rules`);
    return;
  }
  const codes = new Set(indicators.map((indicator) => `indicator.${indicator.code.trim()}`));
  rules.forEach((rule, i) => {
    const field = `input.rules[${i}]`;
    problems.check(
      INDICATOR_CODE.test(rule.code.trim()),
      `${field}.code`,
      'must start with a letter, at most 40 characters',
    );
    problems.check(
      rule.description.trim().length >= 2,
      `${field}.description`,
      'must say what the rule means',
    );
    problems.check(
      METRICS.has(rule.input.trim()) || codes.has(rule.input.trim()),
      `${field}.input`,
      'must be a metric key such as tickets.satisfactionRate or indicator.<code of this scheme>',
    );
    problems.check(Number.isFinite(rule.value), `${field}.value`, 'must be a number');
    if (rule.effect === RuleEffect.MAX_STARS) {
      problems.check(
        Number.isInteger(rule.stars) && (rule.stars as number) >= 0 && (rule.stars as number) <= STAR_LEVELS,
        `${field}.stars`,
        `a MAX_STARS rule needs stars from 0 to ${STAR_LEVELS}`,
      );
    }
  });
}
