const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are uuid columns: anything else is the caller's typo, not a database error. */
export const isUuid = (value: string): boolean => UUID.test(value);
