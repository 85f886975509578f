import { GraphQLError } from 'graphql';
import {
  AssessmentIndicatorKind,
  AssessmentMetric,
  AssessmentPeriodKind,
  AssessmentSubjectKind,
} from './assessment-kinds';
import {
  type AssessmentIndicatorInput,
  type CreateAssessmentSchemeInput,
  validateSchemeInput,
} from './assessment-scheme.validation';

const manual = (code: string, weight: number): AssessmentIndicatorInput => ({
  code,
  name: code,
  kind: AssessmentIndicatorKind.MANUAL,
  weight,
});

const scheme = (overrides: Partial<CreateAssessmentSchemeInput> = {}): CreateAssessmentSchemeInput => ({
  name: '月度评星定级',
  subjectKind: AssessmentSubjectKind.GRID_WORKER,
  periodKind: AssessmentPeriodKind.MONTH,
  totalScale: 100,
  ownerUnitCode: '520303',
  indicators: [manual('a', 50), manual('b', 50)],
  ...overrides,
});

/** The BAD_USER_INPUT problems validation raises, as `field: message` pairs. */
function problemsOf(input: CreateAssessmentSchemeInput): { field: string; message: string }[] {
  try {
    validateSchemeInput(input);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
    return (error as GraphQLError).extensions['problems'] as { field: string; message: string }[];
  }
  return [];
}
const fieldsOf = (input: CreateAssessmentSchemeInput) => problemsOf(input).map((p) => p.field);

describe('assessment scheme validation', () => {
  describe('weights', () => {
    it('accepts 33.33 + 33.33 + 33.34 as exactly 100%', () => {
      const valid = validateSchemeInput(
        scheme({ indicators: [manual('a', 33.33), manual('b', 33.33), manual('c', 33.34)] }),
      );
      expect(valid.indicators.map((i) => [i.weight, i.position])).toEqual([
        [33.33, 1],
        [33.33, 2],
        [33.34, 3],
      ]);
    });

    it('accepts weights whose floating-point sum is not exactly 100 (0.01 + 65.4 + 34.59)', () => {
      expect(0.01 + 65.4 + 34.59).not.toBe(100);
      expect(() =>
        validateSchemeInput(
          scheme({ indicators: [manual('a', 0.01), manual('b', 65.4), manual('c', 34.59)] }),
        ),
      ).not.toThrow();
    });

    it('rejects 50 + 49.99 on input.indicators, saying what the weights add up to', () => {
      const problems = problemsOf(scheme({ indicators: [manual('a', 50), manual('b', 49.99)] }));
      expect(problems).toEqual([
        { field: 'input.indicators', message: expect.stringContaining('add up to 99.99%') },
      ]);
    });

    it('rejects a weight of 0, a negative one and one with three decimals, naming each', () => {
      const fields = fieldsOf(
        scheme({ indicators: [manual('a', 0), manual('b', -10), manual('c', 33.333), manual('d', 110)] }),
      );
      expect(fields).toEqual([
        'input.indicators[0].weight',
        'input.indicators[1].weight',
        'input.indicators[2].weight',
        'input.indicators[3].weight',
      ]);
    });

    it('rejects an empty indicator list', () => {
      expect(fieldsOf(scheme({ indicators: [] }))).toEqual(['input.indicators']);
    });
  });

  describe('indicators', () => {
    it('rejects a code repeated in another case', () => {
      expect(fieldsOf(scheme({ indicators: [manual('visits', 50), manual('Visits', 50)] }))).toEqual([
        'input.indicators[1].code',
      ]);
    });

    it('requires a metric for automatic indicators and refuses one for manual indicators', () => {
      const fields = fieldsOf(
        scheme({
          indicators: [
            { code: 'closure', name: '办结率', kind: AssessmentIndicatorKind.AUTOMATIC, weight: 50 },
            { ...manual('review', 50), sourceMetric: AssessmentMetric.TICKETS_CLOSURE_RATE },
          ],
        }),
      );
      expect(fields).toEqual(['input.indicators[0].sourceMetric', 'input.indicators[1].sourceMetric']);
    });

    it('refuses an unknown metric key', () => {
      const indicator = {
        code: 'x',
        name: 'x',
        kind: AssessmentIndicatorKind.AUTOMATIC,
        weight: 100,
        sourceMetric: 'tickets.nope',
      };
      expect(fieldsOf(scheme({ indicators: [indicator as AssessmentIndicatorInput] }))).toEqual([
        'input.indicators[0].sourceMetric',
      ]);
    });
  });

  describe('thresholds', () => {
    it('accepts five strictly ascending star thresholds within the scale', () => {
      expect(
        validateSchemeInput(scheme({ totalScale: 1000, starThresholds: [600, 700, 800, 900, 950.5] }))
          .starThresholds,
      ).toEqual([600, 700, 800, 900, 950.5]);
    });

    it('rejects star thresholds that repeat, exceed the scale or are not five', () => {
      expect(fieldsOf(scheme({ starThresholds: [60, 70, 70, 90, 95] }))).toEqual(['input.starThresholds[2]']);
      expect(fieldsOf(scheme({ starThresholds: [60, 70, 80, 90, 101] }))).toEqual([
        'input.starThresholds[4]',
      ]);
      expect(fieldsOf(scheme({ starThresholds: [60, 70, 80] }))).toEqual(['input.starThresholds']);
    });

    it('rejects a green card threshold not above the yellow one', () => {
      expect(fieldsOf(scheme({ cardThresholds: { yellowMin: 80, greenMin: 80 } }))).toEqual([
        'input.cardThresholds.greenMin',
      ]);
      expect(fieldsOf(scheme({ cardThresholds: { yellowMin: -1, greenMin: 80 } }))).toEqual([
        'input.cardThresholds.yellowMin',
      ]);
    });
  });

  describe('owner unit code', () => {
    it('stores a 12-digit code as its significant prefix', () => {
      expect(validateSchemeInput(scheme({ ownerUnitCode: '520303000000' })).ownerUnitCode).toBe('520303');
      expect(validateSchemeInput(scheme({ ownerUnitCode: '520303001000' })).ownerUnitCode).toBe('520303001');
      expect(validateSchemeInput(scheme({ ownerUnitCode: '520303001' })).ownerUnitCode).toBe('520303001');
    });

    it('rejects malformed codes', () => {
      for (const ownerUnitCode of ['5203030', '520300000', 'abc', '', '520303001001001']) {
        expect(fieldsOf(scheme({ ownerUnitCode }))).toEqual(['input.ownerUnitCode']);
      }
    });
  });

  it('rejects a total scale other than 100 or 1000', () => {
    expect(fieldsOf(scheme({ totalScale: 500 }))).toEqual(['input.totalScale']);
  });
});
