import { badInput } from '@gridgov/platform-errors';
import { AssessmentPeriodKind } from '../scheme/assessment-kinds';

export interface AssessmentPeriod {
  /** `2026-11`, `2026-Q4` or `2026`. */
  key: string;
  /** [from, to) in China Standard Time, where the reports' months begin. */
  from: Date;
  to: Date;
  months: number;
}

const PATTERNS: Record<AssessmentPeriodKind, RegExp> = {
  [AssessmentPeriodKind.MONTH]: /^(\d{4})-(0[1-9]|1[0-2])$/,
  [AssessmentPeriodKind.QUARTER]: /^(\d{4})-Q([1-4])$/,
  [AssessmentPeriodKind.YEAR]: /^(\d{4})$/,
};
const EXAMPLES = { MONTH: '2026-11', QUARTER: '2026-Q4', YEAR: '2026' };
const MONTHS = { MONTH: 1, QUARTER: 3, YEAR: 12 };
const CST_OFFSET_MS = 8 * 3600 * 1000;

const monthStart = (year: number, month0: number) => new Date(Date.UTC(year, month0, 1) - CST_OFFSET_MS);

/** Parses a period of the scheme's kind; BAD_USER_INPUT on `field` otherwise. */
export function parsePeriod(kind: AssessmentPeriodKind, text: string, field = 'period'): AssessmentPeriod {
  const match = PATTERNS[kind].exec(text.trim());
  if (!match) throw badInput(field, `must be a ${kind.toLowerCase()} like ${EXAMPLES[kind]}`);
  const year = Number(match[1]);
  const firstMonth0 =
    kind === AssessmentPeriodKind.MONTH
      ? Number(match[2]) - 1
      : kind === AssessmentPeriodKind.QUARTER
        ? (Number(match[2]) - 1) * 3
        : 0;
  const months = MONTHS[kind];
  return {
    key: match[0],
    from: monthStart(year, firstMonth0),
    to: monthStart(year, firstMonth0 + months),
    months,
  };
}

/** The period of `kind` that contains `at` (China time); `offset` -1 gives the one before it. */
export function periodAt(kind: AssessmentPeriodKind, at: Date, offset = 0): AssessmentPeriod {
  const local = new Date(at.getTime() + CST_OFFSET_MS);
  const index = local.getUTCFullYear() * 12 + local.getUTCMonth();
  const months = MONTHS[kind];
  const start = (Math.floor(index / months) + offset) * months;
  const year = Math.floor(start / 12);
  const month0 = start % 12;
  const key =
    kind === AssessmentPeriodKind.MONTH
      ? `${year}-${String(month0 + 1).padStart(2, '0')}`
      : kind === AssessmentPeriodKind.QUARTER
        ? `${year}-Q${month0 / 3 + 1}`
        : `${year}`;
  return parsePeriod(kind, key);
}
