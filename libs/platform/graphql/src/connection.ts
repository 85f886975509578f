import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { badInput, isUuid } from '@gridgov/platform-errors';

export const MAX_PAGE_SIZE = 200;

@ObjectType({ description: 'Relay-style page information.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** Lazy: counted only when the field is asked for (graphql-js awaits thenables it resolves). */
  totalCount: PromiseLike<number>;
}

/** Builds the `XConnection` and `XEdge` object types for a node type. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  // Only the concrete `XConnection` subclass is reachable, so this base never appears in the schema.
  @ObjectType()
  abstract class ConnectionBase implements Connection<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'All matching items (counted only when asked for).' })
    totalCount!: PromiseLike<number>;
  }
  return ConnectionBase;
}

function lazy<T>(load: () => Promise<T>): PromiseLike<T> {
  let pending: Promise<T> | undefined;
  return {
    then: (onFulfilled, onRejected) => (pending ??= load()).then(onFulfilled, onRejected),
  };
}

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string): [unknown, string] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === 2 && isUuid(values[1])) return values as [unknown, string];
  } catch {
    // fall through to the error below
  }
  throw badInput('after', 'is not a cursor returned by this list');
}

/**
 * Keyset pagination over `(sortColumn, id)`: stable under inserts and fast at any depth, unlike
 * OFFSET. `sort.column` is a query-builder expression (e.g. `unit.code`); `sort.value` reads the
 * same value from an entity for the cursor.
 */
export async function paginate<E extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<E>,
  page: PageArgs,
  sort: { column: string; value: (entity: E) => unknown; direction?: 'ASC' | 'DESC' },
): Promise<Connection<E>> {
  if (!Number.isInteger(page.first) || page.first < 1 || page.first > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  const direction = sort.direction ?? 'ASC';
  const idColumn = `${query.alias}.id`;
  const counter = query.clone();
  if (page.after) {
    const [value, id] = decodeCursor(page.after);
    const op = direction === 'ASC' ? '>' : '<';
    query.andWhere(`(${sort.column}, ${idColumn}) ${op} (:afterValue, :afterId)`, { afterValue: value, afterId: id });
  }
  const rows = await query
    .orderBy(sort.column, direction)
    .addOrderBy(idColumn, direction)
    .take(page.first + 1)
    .getMany()
    .catch((error: unknown) => {
      // A forged cursor whose value does not fit the sort column (SQLSTATE class 22, data exception).
      if (page.after && /^22/.test(String((error as { code?: unknown }).code)))
        throw badInput('after', 'is not a cursor returned by this list');
      throw error;
    });
  const hasNextPage = rows.length > page.first;
  const nodes = rows.slice(0, page.first);
  const edges = nodes.map((node) => {
    const value = sort.value(node);
    return { cursor: encodeCursor([value instanceof Date ? value.toISOString() : value, node.id]), node };
  });
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount: lazy(() => counter.getCount()),
  };
}
