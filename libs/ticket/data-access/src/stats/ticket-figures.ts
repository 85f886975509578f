/** The figures over a set of tickets; rates are null when there is nothing to divide by. */
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

/** The figures made of counts alone (all but the average handling time). */
export type TicketCounts = Omit<TicketStats, 'averageHandlingHours'>;

/**
 * Each count as a select item over `ticket t`: the one definition `ticketStats`, its series and
 * the assessment facts all count by, so a ticket is "on time" or "overdue" alike everywhere.
 */
export const TICKET_COUNTS = `count(*) AS received,
  count(*) FILTER (WHERE t.status = 'CLOSED') AS closed,
  count(*) FILTER (WHERE t.status = 'CLOSED' AND NOT t.overdue) AS closed_on_time,
  count(*) FILTER (WHERE t.satisfaction IS NOT NULL) AS rated,
  count(*) FILTER (WHERE t.satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied,
  count(*) FILTER (WHERE t.rework_count > 0) AS reworked,
  count(*) FILTER (WHERE t.overdue OR (t.paused_at IS NULL AND t.deadline_at < now())) AS overdue,
  count(*) FILTER (WHERE t.supervised OR (t.paused_at IS NULL AND t.red_at < now())) AS red`;

/** The columns of TICKET_COUNTS: counts come back as strings; null in a series' empty periods. */
export interface TicketCountsRow {
  received: string | null;
  closed: string | null;
  closed_on_time: string | null;
  rated: string | null;
  satisfied: string | null;
  reworked: string | null;
  overdue: string | null;
  red: string | null;
}

export function ticketCounts(row: TicketCountsRow): TicketCounts {
  const n = (v: string | null) => Number(v ?? 0);
  const rate = (part: string | null, whole: string | null) => (n(whole) ? n(part) / n(whole) : null);
  return {
    received: n(row.received),
    closed: n(row.closed),
    closureRate: rate(row.closed, row.received),
    onTimeRate: rate(row.closed_on_time, row.closed),
    satisfactionRate: rate(row.satisfied, row.rated),
    reworkRate: rate(row.reworked, row.received),
    overdue: n(row.overdue),
    red: n(row.red),
  };
}
