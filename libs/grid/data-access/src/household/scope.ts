import { Brackets, type ObjectLiteral, type Repository, type SelectQueryBuilder } from 'typeorm';
import type { AuthContext, Permission } from '@gridgov/platform-auth';

/** Limits a query to rows whose grid code starts with one of the caller's scope prefixes for the permission. */
export function whereInScope<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  auth: AuthContext,
  permission: Permission,
): SelectQueryBuilder<T> {
  const prefixes = auth.scopePrefixes(permission);
  if (prefixes.includes('')) return query;
  if (prefixes.length === 0) return query.andWhere('false');
  return query.andWhere(
    new Brackets((where) => {
      prefixes.forEach((prefix, i) =>
        where.orWhere(`${column} LIKE :scope${i}`, { [`scope${i}`]: `${prefix}%` }),
      );
    }),
  );
}

/** For loaders and reference resolvers: rows in the caller's scope by id, null for missing or invisible ones. */
export async function visibleByIds<T extends { id: string; gridCode: string }>(
  repository: Repository<T>,
  ids: readonly string[],
  auth: AuthContext,
  permission: Permission,
): Promise<(T | null)[]> {
  const rows = await repository.createQueryBuilder('row').where('row.id IN (:...ids)', { ids }).getMany();
  const byId = new Map(rows.filter((r) => auth.can(permission, r.gridCode)).map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Groups rows under the keys asked for, keeping the keys' order (one-to-many loaders). */
export function groupBy<T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}
