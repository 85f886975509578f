import type { DataSource } from 'typeorm';
import { TICKET_COUNTS, type TicketCounts, ticketCounts, type TicketCountsRow } from './ticket-figures';

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

/** The counts `ticketStats` gives (TICKET_COUNTS) for one subject, keyed by the subject. */
export type TicketFactRow = TicketCounts & { key: string };

const KEY: Record<TicketFactGroup, string> = {
  [TicketFactGroup.HANDLER]: 't.owner_account_id::text',
  [TicketFactGroup.GRID]: 't.grid_code',
  [TicketFactGroup.COMMUNITY]: 't.admin_unit_code',
  [TicketFactGroup.STREET]: 'left(t.admin_unit_code, 9)',
  [TicketFactGroup.DEPARTMENT]: 'd.department_id::text',
};

/**
 * One grouped scan over the tickets reported in [from, to) under a code prefix: every subject's
 * counts at once (TICKET_COUNTS, as `ticketStats`), so a run of 10,000 subjects is one query.
 * The caller checks facts:read and that `codePrefix` is digits (it goes into LIKE unescaped).
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
  const rows = (await dataSource.query(
    `SELECT ${key} AS key, ${TICKET_COUNTS}
       FROM ticket t ${departments}
      WHERE t.admin_unit_code LIKE $1 AND t.grid_code LIKE $2
        AND t.reported_at >= $3 AND t.reported_at < $4 AND ${key} IS NOT NULL
      GROUP BY 1`,
    [`${filter.codePrefix.slice(0, 12)}%`, `${filter.codePrefix}%`, filter.from, filter.to],
  )) as (TicketCountsRow & { key: string })[];
  return rows.map((row) => ({ key: row.key, ...ticketCounts(row) }));
}
