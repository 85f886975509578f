import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-code';

const error = (code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extensions } });

/** Bad input: `field` names the argument path the person must fix (e.g. `input.code`). */
export const badInput = (field: string, message: string) =>
  error(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field });

export const notFound = (what: string, id: string) => error(ErrorCode.NOT_FOUND, `${what} ${id} does not exist`, { what, id });

export const forbidden = (message = 'You are not allowed to do this') => error(ErrorCode.FORBIDDEN, message);

export const unauthenticated = (message = 'Sign in first: this needs a valid bearer token') =>
  error(ErrorCode.UNAUTHENTICATED, message);

export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  error(ErrorCode.CONFLICT, message, extensions);

export const invalidTransition = (message: string, extensions: Record<string, unknown> = {}) =>
  error(ErrorCode.INVALID_TRANSITION, message, extensions);

/** `setting` names what the operator must set (e.g. `ACCESS_TOKEN_SECRET`); the message says what is refused until then. */
export const serviceMisconfigured = (setting: string, message: string) =>
  error(ErrorCode.SERVICE_MISCONFIGURED, message, { setting });

/** Collects field problems so one response lists all of them; throws the first as BAD_USER_INPUT with the rest attached. */
export class InputProblems {
  private readonly problems: { field: string; message: string }[] = [];

  add(field: string, message: string): this {
    this.problems.push({ field, message });
    return this;
  }

  check(condition: boolean, field: string, message: string): this {
    return condition ? this : this.add(field, message);
  }

  throwIfAny(): void {
    if (this.problems.length === 0) return;
    const [first] = this.problems;
    throw new GraphQLError(this.problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
      extensions: { code: ErrorCode.BAD_USER_INPUT, field: first.field, problems: this.problems },
    });
  }
}
