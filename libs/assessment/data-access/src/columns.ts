/** Ids are UUIDs; anything else cannot exist (answered as not found without a query). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** numeric comes back from pg as a string; scores and weights have two decimals, so a JS number is exact enough. */
export const numeric = { to: (value: number) => value, from: (value: string) => Number(value) };
