import type { AssessmentResultEntity } from '@gridgov/assessment-data-access';

/** Inputs an indicator's value is derived from, besides the one it reads. */
const RELATED: Record<string, string[]> = {
  'tickets.closureRate': ['tickets.received', 'tickets.closed'],
  'tickets.onTimeRate': ['tickets.closed'],
  'tickets.reworkRate': ['tickets.received'],
  'visits.completionRate': ['visits.due', 'visits.done'],
};

const asInputs = (inputs: Record<string, number | null>, keys: string[]) =>
  keys.map((key) => ({ key, value: inputs[key] ?? null }));

/** Builds the explanation of a result from its own snapshot: nothing is recomputed. */
export function explainResult(
  result: AssessmentResultEntity,
  thresholds: { stars: number[] | null; cards: { yellowMin: number; greenMin: number } | null },
) {
  const parts = [
    thresholds.stars
      ? `stars: the number of thresholds [${thresholds.stars.join(', ')}] the total reaches`
      : null,
    thresholds.cards
      ? `card: GREEN from ${thresholds.cards.greenMin}, YELLOW from ${thresholds.cards.yellowMin}, RED below`
      : null,
    result.firedRules.length
      ? `then rules: ${result.firedRules.map((r) => `${r.code} (${r.description})`).join('; ')}`
      : null,
  ];
  return {
    result,
    indicators: result.indicators.map((indicator) => ({
      ...indicator,
      inputs: asInputs(result.inputs, [
        indicator.input,
        ...(RELATED[indicator.input] ??
          (indicator.input.startsWith('review.') ? [`${indicator.input}.count`] : [])),
      ]),
    })),
    inputs: asInputs(result.inputs, Object.keys(result.inputs).sort()),
    thresholds: `total = sum of indicator scores; ${parts.filter(Boolean).join('; ')}`,
  };
}
