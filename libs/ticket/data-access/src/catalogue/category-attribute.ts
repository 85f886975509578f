import { InputProblems } from '@gridgov/platform-errors';

/** Open311 service-attribute datatypes (GeoReport v2), upper-cased. */
export enum AttributeDatatype {
  STRING = 'STRING',
  TEXT = 'TEXT',
  NUMBER = 'NUMBER',
  DATETIME = 'DATETIME',
  SINGLEVALUELIST = 'SINGLEVALUELIST',
  MULTIVALUELIST = 'MULTIVALUELIST',
}

/** An extra field a category asks for at intake (Open311 `attribute`). */
export interface CategoryAttribute {
  code: string;
  description: string;
  datatype: AttributeDatatype;
  required: boolean;
  /** The allowed keys of a list datatype; empty otherwise. */
  values: string[];
}

/** A reported value: one entry for single-valued datatypes, any number of list keys for MULTIVALUELIST. */
export interface AttributeValueInput {
  code: string;
  values: string[];
}

export const ATTRIBUTE_CODE = /^[A-Z][A-Z0-9_]{0,31}$/;
const LISTS = [AttributeDatatype.SINGLEVALUELIST, AttributeDatatype.MULTIVALUELIST];
const MAX_LENGTH: Partial<Record<AttributeDatatype, number>> = {
  [AttributeDatatype.STRING]: 200,
  [AttributeDatatype.TEXT]: 2000,
};

/** Checks attribute definitions of a new category (admin input), adding problems under `field`. */
export function checkAttributeDefinitions(
  attributes: readonly CategoryAttribute[],
  problems: InputProblems,
  field = 'input.attributes',
): CategoryAttribute[] {
  const seen = new Set<string>();
  return attributes.map((a, i) => {
    const at = `${field}[${i}]`;
    const code = a.code.trim();
    const values = [...new Set(a.values.map((v) => v.trim()))];
    problems.check(
      ATTRIBUTE_CODE.test(code),
      `${at}.code`,
      'must be UPPER_SNAKE_CASE, at most 32 characters',
    );
    problems.check(!seen.has(code), `${at}.code`, `repeats ${code}`);
    seen.add(code);
    problems.check(a.description.trim().length <= 200, `${at}.description`, 'at most 200 characters');
    if (LISTS.includes(a.datatype)) {
      problems.check(values.length > 0, `${at}.values`, `a ${a.datatype} needs at least one value`);
      problems.check(
        values.every((v) => ATTRIBUTE_CODE.test(v)),
        `${at}.values`,
        'each value must be UPPER_SNAKE_CASE',
      );
    } else {
      problems.check(
        values.length === 0,
        `${at}.values`,
        `only list datatypes take values, not ${a.datatype}`,
      );
    }
    return { code, description: a.description.trim(), datatype: a.datatype, required: a.required, values };
  });
}

/**
 * Checks reported values against a category's attributes (its own and its ancestors'), listing every
 * problem under `input.attributes`, and returns them as `{ code: values }`.
 */
export function checkAttributeValues(
  categoryCode: string,
  attributes: readonly CategoryAttribute[],
  input: readonly AttributeValueInput[],
  problems: InputProblems,
): Record<string, string[]> {
  const byCode = new Map(attributes.map((a) => [a.code, a]));
  const result: Record<string, string[]> = {};
  input.forEach(({ code, values }, i) => {
    const at = `input.attributes[${i}]`;
    const attribute = byCode.get(code);
    if (!attribute) {
      const known = [...byCode.keys()];
      problems.add(
        `${at}.code`,
        `${categoryCode} has no attribute ${code}; ${known.length ? `expected one of ${known.join(', ')}` : 'it takes none'}`,
      );
      return;
    }
    if (result[code]) return void problems.add(`${at}.code`, `repeats ${code}`);
    const trimmed = values.map((v) => v.trim()).filter((v) => v !== '');
    result[code] = trimmed;
    if (attribute.datatype !== AttributeDatatype.MULTIVALUELIST && trimmed.length !== 1)
      return void problems.add(`${at}.values`, `${code} takes exactly one value`);
    for (const value of trimmed) {
      const problem = valueProblem(attribute, value);
      if (problem) problems.add(`${at}.values`, problem);
    }
  });
  for (const attribute of attributes) {
    problems.check(
      !attribute.required || (result[attribute.code]?.length ?? 0) > 0,
      'input.attributes',
      `${attribute.code} (${attribute.description || attribute.datatype}) is required for ${categoryCode}`,
    );
  }
  return result;
}

/** What is wrong with one reported value, or null. */
function valueProblem(attribute: CategoryAttribute, value: string): string | null {
  switch (attribute.datatype) {
    case AttributeDatatype.NUMBER:
      return Number.isFinite(Number(value)) ? null : `${attribute.code} must be a number`;
    case AttributeDatatype.DATETIME:
      return /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) &&
        !Number.isNaN(Date.parse(value))
        ? null
        : `${attribute.code} must be an ISO 8601 date or date-time`;
    case AttributeDatatype.SINGLEVALUELIST:
    case AttributeDatatype.MULTIVALUELIST:
      return attribute.values.includes(value)
        ? null
        : `${attribute.code} must be one of ${attribute.values.join(', ')} (got ${value})`;
    default: {
      const max = MAX_LENGTH[attribute.datatype] ?? 200;
      return value.length <= max ? null : `${attribute.code} must be at most ${max} characters`;
    }
  }
}
