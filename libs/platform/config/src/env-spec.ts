/**
 * A tiny typed environment reader. Each variable declares its parser and its default in one
 * place (the app's `*.config.ts`), so every default is visible and a bad value stops start-up.
 */
export interface EnvVar<T> {
  readonly description: string;
  parse(raw: string | undefined, name: string): T;
}

type Problem = { problem: string };
const isProblem = (v: unknown): v is Problem => typeof v === 'object' && v !== null && 'problem' in v;

function variable<T>(
  description: string,
  fallback: T | undefined,
  convert: (raw: string) => T | Problem,
): EnvVar<T> {
  return {
    description,
    parse(raw, name) {
      if (raw === undefined || raw === '') {
        if (fallback === undefined) throw new Error(`${name} is required (${description})`);
        return fallback;
      }
      const value = convert(raw);
      if (isProblem(value)) throw new Error(`${name}=${JSON.stringify(raw)} ${value.problem} (${description})`);
      return value;
    },
  };
}

function toBool(raw: string): boolean | Problem {
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  return { problem: 'is not a boolean (true/false)' };
}

export const env = {
  string: (description: string, fallback?: string) => variable(description, fallback, (raw) => raw),

  /** Optional string: undefined when unset. */
  optional: (description: string): EnvVar<string | undefined> => ({
    description,
    parse: (raw) => (raw === undefined || raw === '' ? undefined : raw),
  }),

  int: (description: string, fallback?: number, range: { min?: number; max?: number } = {}) =>
    variable(description, fallback, (raw) => {
      const n = Number(raw);
      if (!Number.isInteger(n)) return { problem: 'is not an integer' };
      if (range.min !== undefined && n < range.min) return { problem: `must be >= ${range.min}` };
      if (range.max !== undefined && n > range.max) return { problem: `must be <= ${range.max}` };
      return n;
    }),

  bool: (description: string, fallback?: boolean) => variable(description, fallback, toBool),

  /** Optional boolean: undefined when unset, for a default that depends on other variables. */
  optionalBool: (description: string): EnvVar<boolean | undefined> => {
    const parsed = variable(description, undefined, toBool);
    return { description, parse: (raw, name) => (raw === undefined || raw === '' ? undefined : parsed.parse(raw, name)) };
  },

  url: (description: string, fallback?: string, protocols: string[] = ['http:', 'https:']) =>
    variable(description, fallback, (raw) => {
      try {
        const url = new URL(raw);
        if (!protocols.includes(url.protocol)) return { problem: `must use ${protocols.join(' or ')}` };
        return raw;
      } catch {
        return { problem: 'is not a valid URL' };
      }
    }),

  oneOf: <T extends string>(description: string, values: readonly T[], fallback?: T) =>
    variable<T>(description, fallback, (raw) =>
      (values as readonly string[]).includes(raw) ? (raw as T) : { problem: `must be one of ${values.join(', ')}` },
    ),
};
