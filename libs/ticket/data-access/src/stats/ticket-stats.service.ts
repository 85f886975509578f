import type { DataSource } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput } from '@gridgov/platform-errors';
import { CATEGORY_CODE, isGridCode, isUuid } from '../ticket/ticket-input';

export interface TicketStatsFilter {
  /** A unit's code prefix (e.g. 520303001) or a 15-digit grid code. */
  scopeCode: string;
  from: Date;
  to: Date;
  departmentId?: string | null;
  categoryPrefix?: string | null;
}

export interface TicketStats {
  received: number;
  closed: number;
  closureRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  reworkRate: number | null;
  overdue: number;
  red: number;
  averageHandlingHours: number | null;
}

interface StatsRow {
  received: string;
  closed: string;
  closed_on_time: string;
  rated: string;
  satisfied: string;
  reworked: string;
  overdue: string;
  red: string;
  avg_seconds: string | null;
}

/**
 * Counts over the tickets reported in [from, to) under a unit or grid: closure, on-time,
 * satisfaction and rework rates, overdue and RED counts, average time from report to close.
 * Rates are null when there is nothing to divide by.
 */
export class TicketStatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {}

  async stats(filter: TicketStatsFilter): Promise<TicketStats> {
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
      params.push(category, `${category}.%`);
      where.push(`(t.category_code = $${params.length - 1} OR t.category_code LIKE $${params.length})`);
    }
    const [row] = (await this.dataSource.query(
      `SELECT count(*) AS received,
              count(*) FILTER (WHERE t.status = 'CLOSED') AS closed,
              count(*) FILTER (WHERE t.status = 'CLOSED' AND NOT t.overdue) AS closed_on_time,
              count(*) FILTER (WHERE t.satisfaction IS NOT NULL) AS rated,
              count(*) FILTER (WHERE t.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied,
              count(*) FILTER (WHERE t.rework_count > 0) AS reworked,
              count(*) FILTER (WHERE t.overdue OR (t.paused_at IS NULL AND t.deadline_at < now())) AS overdue,
              count(*) FILTER (WHERE t.supervised OR (t.paused_at IS NULL AND t.red_at < now())) AS red,
              avg(extract(epoch FROM c.at - t.reported_at)) FILTER (WHERE t.status = 'CLOSED') AS avg_seconds
         FROM ticket t
         LEFT JOIN LATERAL (
           SELECT max(e.at) AS at FROM ticket_event e WHERE e.ticket_id = t.id AND e.action = 'CLOSE'
         ) c ON t.status = 'CLOSED'
        WHERE ${where.join(' AND ')}`,
      params,
    )) as StatsRow[];
    const n = (v: string) => Number(v);
    const rate = (part: string, whole: string) => (n(whole) ? n(part) / n(whole) : null);
    return {
      received: n(row.received),
      closed: n(row.closed),
      closureRate: rate(row.closed, row.received),
      onTimeRate: rate(row.closed_on_time, row.closed),
      satisfactionRate: rate(row.satisfied, row.rated),
      reworkRate: rate(row.reworked, row.received),
      overdue: n(row.overdue),
      red: n(row.red),
      averageHandlingHours: row.avg_seconds === null ? null : Number(row.avg_seconds) / 3600,
    };
  }
}
