import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

/** Restricts `column` (a code) to the caller's scope prefixes; no prefix at all matches nothing. */
export function whereCodeInScope<E extends ObjectLiteral>(
  query: SelectQueryBuilder<E>,
  column: string,
  prefixes: string[],
): void {
  if (prefixes.includes('')) return;
  if (prefixes.length === 0) {
    query.andWhere('1 = 0');
    return;
  }
  query.andWhere(
    new Brackets((where) => {
      prefixes.forEach((prefix, i) =>
        where.orWhere(`${column} LIKE :scope${i}`, { [`scope${i}`]: `${prefix}%` }),
      );
    }),
  );
}
