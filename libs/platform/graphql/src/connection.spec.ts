import { paginate } from './connection';

// Arguments are checked before any SQL runs, so a query-builder stand-in with no methods suffices.
const noQuery = { alias: 'x', clone: () => noQuery } as never;

describe('paginate arguments', () => {
  it.each([0, 201, 1.5])('refuses first = %s naming the argument', async (first) => {
    await expect(paginate(noQuery, { first }, { column: 'x.code', value: () => '' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['an id that is no UUID', Buffer.from(JSON.stringify(['520303', "1' OR '1'='1"])).toString('base64url')],
  ])('refuses a cursor it did not issue: %s', async (_, after) => {
    await expect(paginate(noQuery, { first: 10, after }, { column: 'x.code', value: () => '' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
  });
});
