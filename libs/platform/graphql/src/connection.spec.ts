import { paginate } from './connection';

// Arguments are checked before any SQL runs, so a query-builder stand-in with no methods suffices.
const noQuery = { alias: 'x', clone: () => noQuery } as never;

describe('paginate arguments', () => {
  it.each([0, 201, 1.5])('refuses first = %s naming the argument', async (first) => {
    await expect(paginate(noQuery, { first }, { column: 'x.code', value: () => '' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });

  it('refuses a cursor it did not issue', async () => {
    await expect(paginate(noQuery, { first: 10, after: 'not-a-cursor' }, { column: 'x.code', value: () => '' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
  });
});
