import { badInput } from './app-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are uuid columns: anything else is the caller's typo, not a database error. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** Throws BAD_USER_INPUT on `field` unless `value` is an id (a uuid). */
export function checkId(value: string, field: string): string {
  if (!isUuid(value)) throw badInput(field, 'must be an id (uuid)');
  return value;
}
