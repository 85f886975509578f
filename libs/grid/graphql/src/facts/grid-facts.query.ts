import type { DataSource } from 'typeorm';

export interface GridVisitFact {
  gridCode: string;
  /** Visits owed in the period: per tagged resident, ceil(period days / shortest tag interval). */
  visitsDue: number;
  /** Visits made to those residents (or their households), each resident counted up to what was due. */
  visitsDone: number;
}

const DAY_MS = 24 * 3600 * 1000;

/** Visits done vs due per grid under a code prefix, in one grouped query. */
export async function gridVisitFacts(
  dataSource: DataSource,
  filter: { codePrefix: string; from: Date; to: Date },
): Promise<GridVisitFact[]> {
  const days = (filter.to.getTime() - filter.from.getTime()) / DAY_MS;
  const rows: { grid_code: string; due: string; done: string }[] = await dataSource.query(
    `WITH tagged AS (
       SELECT r.id, r.grid_code, r.household_id, ceil($4::numeric / min(t.visit_interval_days)) AS due
         FROM resident r
         JOIN tag t ON t.code = ANY(r.tag_codes) AND t.visit_interval_days IS NOT NULL
        WHERE r.grid_code LIKE $1
        GROUP BY r.id
     )
     SELECT tagged.grid_code, sum(tagged.due) AS due, sum(least(tagged.due, v.done)) AS done
       FROM tagged
       CROSS JOIN LATERAL (
         SELECT count(*) AS done FROM visit v
          WHERE (v.resident_id = tagged.id OR v.household_id = tagged.household_id)
            AND v.visited_at >= $2 AND v.visited_at < $3
       ) v
      GROUP BY tagged.grid_code`,
    [`${filter.codePrefix}%`, filter.from, filter.to, days],
  );
  return rows.map((row) => ({
    gridCode: row.grid_code,
    visitsDue: Number(row.due),
    visitsDone: Number(row.done),
  }));
}

/** A random sample of the grid's resident ids (never names): whom a satisfaction survey asks. */
export async function residentSample(
  dataSource: DataSource,
  gridCode: string,
  size: number,
): Promise<string[]> {
  const rows: { id: string }[] = await dataSource.query(
    `SELECT id FROM resident WHERE grid_code = $1 ORDER BY random() LIMIT $2`,
    [gridCode, size],
  );
  return rows.map((row) => row.id);
}
