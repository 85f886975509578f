import type { DataSource } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, InputProblems, notFound } from '@gridgov/platform-errors';

/** The calendar is national: only a platform-wide grant (scope '') edits it. */
const CALENDAR_SCOPE = '';
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day that differs from the Monday–Friday rule. */
export interface CalendarDay {
  /** `YYYY-MM-DD` (China time). */
  day: string;
  working: boolean;
  name: string | null;
}

export interface CalendarDayInput {
  day: string;
  /** false: a public holiday on a weekday; true: a weekend day worked (调休). */
  working: boolean;
  name?: string | null;
}

/**
 * Admin edits of the working calendar. Only the published years are bundled (2026); later years
 * (2027 when the State Council publishes it) are entered here. A change applies to clocks started
 * after it; running clocks keep their deadlines.
 */
export class WorkingCalendarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {}

  async year(year: number): Promise<CalendarDay[]> {
    this.auth.assertAnywhere(Permission.TICKET_READ);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', 'must be 2000 to 2100');
    return (await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, working, name FROM working_calendar
        WHERE day >= make_date($1, 1, 1) AND day < make_date($1 + 1, 1, 1) ORDER BY day`,
      [year],
    )) as CalendarDay[];
  }

  async setDay(input: CalendarDayInput): Promise<CalendarDay> {
    this.auth.assert(Permission.TICKET_CONFIGURE, CALENDAR_SCOPE);
    const problems = new InputProblems();
    const day = input.day.trim();
    const name = input.name?.trim() || null;
    const weekday = dayOfWeek(day);
    problems.check(weekday !== null, 'input.day', 'must be a real date YYYY-MM-DD from 2000 to 2100');
    if (weekday !== null) {
      const weekend = weekday === 0 || weekday === 6;
      problems.check(
        weekend === input.working,
        'input.working',
        weekend
          ? `${day} is a weekend day, already off: only a make-up working day (working: true) goes here`
          : `${day} is a weekday, already working: only a holiday (working: false) goes here`,
      );
    }
    problems.check((name ?? '').length <= 40, 'input.name', 'at most 40 characters');
    problems.throwIfAny();
    await this.dataSource.query(
      `INSERT INTO working_calendar (day, working, name) VALUES ($1, $2, $3)
       ON CONFLICT (day) DO UPDATE SET working = excluded.working, name = excluded.name`,
      [day, input.working, name],
    );
    return { day, working: input.working, name };
  }

  /** Removes an exception: the day follows the Monday–Friday rule again. */
  async clearDay(day: string): Promise<CalendarDay> {
    this.auth.assert(Permission.TICKET_CONFIGURE, CALENDAR_SCOPE);
    if (dayOfWeek(day.trim()) === null) throw badInput('day', 'must be a real date YYYY-MM-DD');
    const rows = (await this.dataSource.query(
      `DELETE FROM working_calendar WHERE day = $1 RETURNING to_char(day, 'YYYY-MM-DD') AS day, working, name`,
      [day.trim()],
    )) as [CalendarDay[], number];
    const [removed] = rows[0];
    if (!removed) throw notFound('Calendar exception', day);
    return removed;
  }
}

/** 0 (Sunday) … 6, or null for anything that is not a real date in 2000–2100. */
function dayOfWeek(day: string): number | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 2000 || y > 2100 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.getUTCDay();
}
