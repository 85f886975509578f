import { GraphQLError } from 'graphql';
import { badInput } from './app-errors';
import { createErrorFormatter } from './format-error';

describe('createErrorFormatter', () => {
  const production = createErrorFormatter({ exposeDetails: false });

  it('keeps typed errors and strips stack traces', () => {
    const error = badInput('input.code', 'must be 12 digits');
    const formatted = production({ message: error.message, extensions: { code: 'BAD_USER_INPUT', field: 'input.code', stacktrace: ['at x'] } }, error);
    expect(formatted).toEqual({ message: 'input.code: must be 12 digits', extensions: { code: 'BAD_USER_INPUT', field: 'input.code' } });
  });

  it('hides the message of an unexpected error behind INTERNAL_SERVER_ERROR', () => {
    const seen: unknown[] = [];
    const format = createErrorFormatter({ exposeDetails: false, onInternalError: (e) => seen.push(e) });
    const bug = new GraphQLError('relation "ticket" does not exist', { originalError: new Error('relation "ticket" does not exist') });
    const formatted = format({ message: bug.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at pg'] } }, bug);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(formatted.message).not.toContain('relation');
    expect(seen).toHaveLength(1);
  });
});
