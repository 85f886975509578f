import { DEMO_RULES } from '../demo/assessment-demo.seed';
import {
  AssessmentIndicatorKind,
  AssessmentMetric,
  AssessmentPeriodKind,
  ManualSource,
} from '../scheme/assessment-kinds';
import type { AssessmentIndicatorEntity } from '../scheme/assessment-indicator.entity';
import { parsePeriod, periodAt } from './assessment-period';
import { rankWithinUnits, scoreSubject } from './assessment-scoring';

const indicator = (
  code: string,
  weight: number,
  metric: AssessmentMetric | null,
): AssessmentIndicatorEntity => ({
  id: code,
  schemeId: 's',
  code,
  name: code,
  kind: metric ? AssessmentIndicatorKind.AUTOMATIC : AssessmentIndicatorKind.MANUAL,
  sourceMetric: metric,
  manualSource: metric ? null : ManualSource.SECRETARY_REVIEW,
  weight,
  position: 1,
});

const INDICATORS = [
  indicator('closure', 25, AssessmentMetric.TICKETS_CLOSURE_RATE),
  indicator('on_time', 25, AssessmentMetric.TICKETS_ON_TIME_RATE),
  indicator('satisfaction', 30, AssessmentMetric.TICKETS_SATISFACTION_RATE),
  indicator('visits', 10, AssessmentMetric.VISITS_COMPLETION_RATE),
  indicator('secretary', 10, null),
];
const SCHEME = {
  totalScale: 100,
  starThresholds: [60, 70, 80, 90, 95],
  cardThresholds: { yellowMin: 75, greenMin: 90 },
  rules: DEMO_RULES,
};

describe('scoring one subject', () => {
  it('weights each indicator, takes stars and card from the thresholds and applies the rules', () => {
    const scored = scoreSubject(
      SCHEME,
      INDICATORS,
      {
        'tickets.closureRate': 0.8,
        'tickets.onTimeRate': 0.5,
        'tickets.satisfactionRate': 0.85,
        'tickets.redCount': 1,
        'visits.completionRate': null,
        'review.secretary': 90,
      },
      1,
    );
    // 25×0.8 + 25×0.5 + 30×0.85 + 10×1 (nothing due: full marks) + 10×0.9
    expect(scored.indicators.map((i) => i.score)).toEqual([20, 12.5, 25.5, 10, 9]);
    expect(scored.total).toBe(77);
    expect(scored.stars).toBe(2);
    expect(scored.card).toBe('YELLOW');
    expect(scored.advancedEligible).toBe(false);
    expect(scored.firedRules.map((r) => r.code)).toEqual(['satisfaction_advanced', 'red_ticket']);
    expect(scored.flags).toEqual([]);
  });

  it('caps the stars of a subject with a RED ticket and flags one under the satisfaction floor', () => {
    const full = {
      'tickets.closureRate': 1,
      'tickets.onTimeRate': 1,
      'tickets.satisfactionRate': 1,
      'review.secretary': 100,
    };
    expect(scoreSubject(SCHEME, INDICATORS, { ...full, 'tickets.redCount': 2 }, 1)).toMatchObject({
      total: 100,
      stars: 3,
      card: 'GREEN',
      advancedEligible: true,
    });
    const low = scoreSubject(
      SCHEME,
      INDICATORS,
      { ...full, 'tickets.satisfactionRate': 0.75, 'tickets.redCount': 0 },
      1,
    );
    expect(low.flags).toEqual(['REVIEW:satisfaction_floor']);
    expect(low.total).toBe(92.5);
    expect(low.stars).toBe(4);
  });

  it('scores a manual indicator nobody entered as 0 and flags it', () => {
    const scored = scoreSubject(SCHEME, INDICATORS, { 'tickets.satisfactionRate': 1 }, 1);
    expect(scored.indicators[4]).toMatchObject({ inputValue: null, value: 0, score: 0 });
    expect(scored.flags).toEqual(['NO_SCORES:secretary']);
    expect(scored.total).toBe(90);
  });
});

describe('ranking within units', () => {
  it('ranks by total per unit, ties sharing a rank', () => {
    const ranks = rankWithinUnits([
      { unit: 'a', total: 80 },
      { unit: 'b', total: 70 },
      { unit: 'a', total: 90 },
      { unit: 'a', total: 80 },
      { unit: 'a', total: 60 },
    ]);
    expect(ranks).toEqual([2, 1, 1, 2, 4]);
  });
});

describe('assessment periods', () => {
  it('parses months, quarters and years in China time', () => {
    expect(parsePeriod(AssessmentPeriodKind.MONTH, '2026-11')).toMatchObject({
      from: new Date('2026-10-31T16:00:00Z'),
      to: new Date('2026-11-30T16:00:00Z'),
      months: 1,
    });
    expect(parsePeriod(AssessmentPeriodKind.QUARTER, '2026-Q4').to).toEqual(new Date('2026-12-31T16:00:00Z'));
    expect(() => parsePeriod(AssessmentPeriodKind.YEAR, '2026-11')).toThrow(
      'period: must be a year like 2026',
    );
  });

  it('finds the period around an instant and the one before it', () => {
    const at = new Date('2026-12-31T17:00:00Z'); // already 1 January 2027 in China
    expect(periodAt(AssessmentPeriodKind.MONTH, at).key).toBe('2027-01');
    expect(periodAt(AssessmentPeriodKind.MONTH, at, -1).key).toBe('2026-12');
    expect(periodAt(AssessmentPeriodKind.QUARTER, at, -1).key).toBe('2026-Q4');
    expect(periodAt(AssessmentPeriodKind.YEAR, at, -1).key).toBe('2026');
  });
});
