/** numeric comes back from pg as a string; scores and weights have two decimals, so a JS number is exact enough. */
export const numeric = { to: (value: number) => value, from: (value: string) => Number(value) };
