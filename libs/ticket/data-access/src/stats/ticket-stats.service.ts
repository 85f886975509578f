import type { DataSource } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, isUuid } from '@gridgov/platform-errors';
import { CATEGORY_CODE, isGridCode } from '../ticket/ticket-input';
import { TICKET_COUNTS, ticketCounts, type TicketCountsRow, type TicketStats } from './ticket-figures';

export interface TicketStatsFilter {
  /** A unit's code prefix (e.g. 520303001) or a 15-digit grid code. */
  scopeCode: string;
  from: Date;
  to: Date;
  departmentId?: string | null;
  categoryPrefix?: string | null;
}

export enum StatsBucket {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

/** One period of a series: its first instant (00:00 China time of the day, Monday, or 1st) and its figures. */
export interface TicketStatsPeriod {
  periodStart: Date;
  stats: TicketStats;
}

export interface HotSpots {
  categories: { categoryCode: string; count: number }[];
  grids: { gridCode: string; count: number }[];
}

/** At least `threshold` tickets of one category in one grid within the window. */
export interface TicketSpike {
  gridCode: string;
  categoryCode: string;
  count: number;
  firstReportedAt: Date;
  lastReportedAt: Date;
}

/** TICKET_COUNTS and the average handling time, in seconds. */
interface StatsRow extends TicketCountsRow {
  avg_seconds: string | null;
}

/** Most periods a series returns: a year of days, ten years of weeks or months. */
const MAX_PERIODS = 400;
const PERIOD_DAYS: Record<StatsBucket, number> = { DAY: 1, WEEK: 7, MONTH: 28 };
const HOUR = 3_600_000;

/** Tickets are counted in the period they were reported in, by China time (UTC+8). */
const FIGURES = `${TICKET_COUNTS},
  avg(extract(epoch FROM c.at - t.reported_at)) FILTER (WHERE t.status = 'CLOSED') AS avg_seconds`;
const CLOSED_AT = `LEFT JOIN LATERAL (
  SELECT max(e.at) AS at FROM ticket_event e WHERE e.ticket_id = t.id AND e.action = 'CLOSE'
) c ON t.status = 'CLOSED'`;

/**
 * Counts over the tickets reported in [from, to) under a unit or grid: closure, on-time,
 * satisfaction and rework rates, overdue and RED counts, average time from report to close — as
 * one figure or per day, week or month; hot spots (top categories and grids) and spike alerts.
 * Rates are null when there is nothing to divide by.
 */
export class TicketStatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {}

  async stats(filter: TicketStatsFilter): Promise<TicketStats> {
    const { where, params } = this.scope(filter);
    const [row] = (await this.dataSource.query(
      `SELECT ${FIGURES} FROM ticket t ${CLOSED_AT} WHERE ${where}`,
      params,
    )) as StatsRow[];
    return figures(row);
  }

  /** The figures per period (empty periods included), oldest first. */
  async series(filter: TicketStatsFilter, bucket: StatsBucket): Promise<TicketStatsPeriod[]> {
    const { where, params } = this.scope(filter);
    const periods = (filter.to.getTime() - filter.from.getTime()) / (PERIOD_DAYS[bucket] * 24 * HOUR);
    if (periods > MAX_PERIODS)
      throw badInput(
        'to',
        `at most ${MAX_PERIODS} periods of a ${bucket.toLowerCase()}: shorten the range or use a longer bucket`,
      );
    const unit = bucket.toLowerCase();
    params.push(unit);
    const u = `$${params.length}`;
    const rows = (await this.dataSource.query(
      `WITH periods AS (
         SELECT generate_series(
                  date_trunc(${u}, $1::timestamptz AT TIME ZONE 'Asia/Shanghai'),
                  ($2::timestamptz - interval '1 millisecond') AT TIME ZONE 'Asia/Shanghai',
                  ('1 ' || ${u})::interval) AS local_start
       ), counted AS (
         SELECT date_trunc(${u}, t.reported_at AT TIME ZONE 'Asia/Shanghai') AS local_start, ${FIGURES}
           FROM ticket t ${CLOSED_AT}
          WHERE ${where}
          GROUP BY 1
       )
       SELECT p.local_start AT TIME ZONE 'Asia/Shanghai' AS period_start, c.*
         FROM periods p LEFT JOIN counted c USING (local_start)
        ORDER BY p.local_start`,
      params,
    )) as (StatsRow & { period_start: Date })[];
    return rows.map((row) => ({ periodStart: row.period_start, stats: figures(row) }));
  }

  /** The categories and grids with the most tickets reported in [from, to), most first. */
  async hotSpots(filter: TicketStatsFilter, limit: number): Promise<HotSpots> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw badInput('limit', 'must be 1 to 50');
    const { where, params } = this.scope(filter);
    params.push(limit);
    const top = (column: string) =>
      this.dataSource.query(
        `SELECT t.${column} AS key, count(*) AS n FROM ticket t WHERE ${where}
          GROUP BY t.${column} ORDER BY n DESC, key LIMIT $${params.length}`,
        params,
      ) as Promise<{ key: string; n: string }[]>;
    const [categories, grids] = await Promise.all([top('category_code'), top('grid_code')]);
    return {
      categories: categories.map((r) => ({ categoryCode: r.key, count: Number(r.n) })),
      grids: grids.map((r) => ({ gridCode: r.key, count: Number(r.n) })),
    };
  }

  /**
   * Spike alerts: grids where at least `threshold` tickets of one category were reported within
   * `windowHours` before `at` (a cluster worth a look, e.g. five fire hazards in a day), most first.
   */
  async spikes(scopeCode: string, threshold: number, at: Date, windowHours = 24): Promise<TicketSpike[]> {
    if (!Number.isInteger(threshold) || threshold < 2 || threshold > 1000)
      throw badInput('threshold', 'must be a whole number from 2 to 1000');
    if (!Number.isInteger(windowHours) || windowHours < 1 || windowHours > 168)
      throw badInput('windowHours', 'must be 1 to 168');
    const { where, params } = this.scope({
      scopeCode,
      from: new Date(at.getTime() - windowHours * HOUR),
      to: at,
    });
    params.push(threshold);
    const rows = (await this.dataSource.query(
      `SELECT t.grid_code, t.category_code, count(*) AS n, min(t.reported_at) AS first_at, max(t.reported_at) AS last_at
         FROM ticket t
        WHERE ${where} AND t.status <> 'MERGED'
        GROUP BY t.grid_code, t.category_code
       HAVING count(*) >= $${params.length}
        ORDER BY n DESC, t.grid_code, t.category_code`,
      params,
    )) as { grid_code: string; category_code: string; n: string; first_at: Date; last_at: Date }[];
    return rows.map((r) => ({
      gridCode: r.grid_code,
      categoryCode: r.category_code,
      count: Number(r.n),
      firstReportedAt: r.first_at,
      lastReportedAt: r.last_at,
    }));
  }

  /** Checks the filter and the caller's scope; the WHERE clause over `ticket t` and its parameters ($1 from, $2 to). */
  private scope(filter: TicketStatsFilter): { where: string; params: unknown[] } {
    const scope = filter.scopeCode.trim();
    if (!/^\d{2,15}$/.test(scope))
      throw badInput('scopeCode', 'must be a unit code prefix or a 15-digit grid code');
    if (!(filter.from < filter.to)) throw badInput('to', 'must be after from');
    if (filter.departmentId && !isUuid(filter.departmentId)) throw badInput('departmentId', 'must be a UUID');
    const category = filter.categoryPrefix?.trim() || null;
    if (category && !CATEGORY_CODE.test(category))
      throw badInput('categoryPrefix', 'must be a category code');
    this.auth.assert(Permission.TICKET_READ, scope);

    const params: unknown[] = [filter.from, filter.to];
    const where = ['t.reported_at >= $1', 't.reported_at < $2'];
    if (isGridCode(scope)) {
      params.push(scope);
      where.push(`t.grid_code = $${params.length}`);
    } else {
      params.push(`${scope}%`);
      where.push(`t.admin_unit_code LIKE $${params.length}`);
    }
    if (filter.departmentId) {
      params.push(filter.departmentId);
      where.push(`t.id IN (SELECT ticket_id FROM ticket_dispatch WHERE department_id = $${params.length})`);
    }
    if (category) {
      params.push(category, `${category}.`);
      where.push(
        `(t.category_code = $${params.length - 1} OR left(t.category_code, length($${params.length})) = $${params.length})`,
      );
    }
    return { where: where.join(' AND '), params };
  }
}

function figures(row: StatsRow): TicketStats {
  return {
    ...ticketCounts(row),
    averageHandlingHours: row.avg_seconds == null ? null : Number(row.avg_seconds) / 3600,
  };
}
