import type { DataSource } from 'typeorm';
import type { TicketStats } from '@gridgov/ticket-data-access';

/** How ticket facts are grouped: the subject an assessment rates. */
export enum TicketFactGroup {
  /** 首问负责: the account that accepted the ticket. */
  HANDLER = 'HANDLER',
  GRID = 'GRID',
  COMMUNITY = 'COMMUNITY',
  STREET = 'STREET',
  /** Departments the ticket was dispatched to (lead or cooperating), once per department. */
  DEPARTMENT = 'DEPARTMENT',
}

/** The counts `ticketStats` gives for one subject (same definitions), keyed by the subject. */
export type TicketFactRow = Omit<TicketStats, 'averageHandlingHours'> & { key: string };

const KEY: Record<TicketFactGroup, string> = {
  [TicketFactGroup.HANDLER]: 't.owner_account_id::text',
  [TicketFactGroup.GRID]: 't.grid_code',
  [TicketFactGroup.COMMUNITY]: 't.admin_unit_code',
  [TicketFactGroup.STREET]: 'left(t.admin_unit_code, 9)',
  [TicketFactGroup.DEPARTMENT]: 'd.department_id::text',
};

/**
 * One grouped scan over the tickets reported in [from, to) under a code prefix: every subject's
 * counts at once (the same definitions as `ticketStats`), so a run of 10,000 subjects is one query.
 */
export async function ticketFacts(
  dataSource: DataSource,
  filter: { group: TicketFactGroup; codePrefix: string; from: Date; to: Date },
): Promise<TicketFactRow[]> {
  const key = KEY[filter.group];
  const departments =
    filter.group === TicketFactGroup.DEPARTMENT
      ? `JOIN (SELECT DISTINCT ticket_id, department_id FROM ticket_dispatch
                WHERE department_id IS NOT NULL AND status <> 'WITHDRAWN') d ON d.ticket_id = t.id`
      : '';
  const rows: Record<string, string>[] = await dataSource.query(
    `SELECT ${key} AS key,
            count(*) AS received,
            count(*) FILTER (WHERE t.status = 'CLOSED') AS closed,
            count(*) FILTER (WHERE t.status = 'CLOSED' AND NOT t.overdue) AS closed_on_time,
            count(*) FILTER (WHERE t.satisfaction IS NOT NULL) AS rated,
            count(*) FILTER (WHERE t.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied,
            count(*) FILTER (WHERE t.rework_count > 0) AS reworked,
            count(*) FILTER (WHERE t.overdue OR (t.paused_at IS NULL AND t.deadline_at < now())) AS overdue,
            count(*) FILTER (WHERE t.supervised OR (t.paused_at IS NULL AND t.red_at < now())) AS red
       FROM ticket t ${departments}
      WHERE t.admin_unit_code LIKE $1 AND t.grid_code LIKE $2
        AND t.reported_at >= $3 AND t.reported_at < $4 AND ${key} IS NOT NULL
      GROUP BY 1`,
    [`${filter.codePrefix.slice(0, 12)}%`, `${filter.codePrefix}%`, filter.from, filter.to],
  );
  const rate = (part: number, whole: number) => (whole ? part / whole : null);
  return rows.map((row) => {
    const n = (column: string) => Number(row[column]);
    return {
      key: row['key'],
      received: n('received'),
      closed: n('closed'),
      closureRate: rate(n('closed'), n('received')),
      onTimeRate: rate(n('closed_on_time'), n('closed')),
      satisfactionRate: rate(n('satisfied'), n('rated')),
      reworkRate: rate(n('reworked'), n('received')),
      overdue: n('overdue'),
      red: n('red'),
    };
  });
}
