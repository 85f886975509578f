import type { DataSource, EntityManager } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, InputProblems, notFound } from '@gridgov/platform-errors';
import { TicketConfigChangeKind } from '../audit/ticket-config-audit.entity';
import { recordConfigChange } from '../audit/ticket-config-audit.service';
import { RUNNING_CLOCK_COLUMNS, type RunningClock, retimeClocks, stageDuration } from './clock-retime';
import { bestPolicy } from './sla-policy.service';
import { SlaUnit } from './sla-policy';
import { SlaPolicyEntity } from './sla-policy.entity';
import { unitLevel } from './ticket-clock';

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

/** A calendar edit and how many running or paused clocks it re-timed. */
export interface CalendarDayChange extends CalendarDay {
  retimedTickets: number;
}

/** Clocks locked and re-timed per statement pair: bounded memory however many tickets a day spans. */
const RETIME_PAGE = 1000;

/**
 * Admin edits of the working calendar. Only the published years are bundled (2026); later years
 * (2027 when the State Council publishes it) are entered here. An edit re-times, in its own
 * transaction, the running and paused working-day clocks whose window (start day to deadline day)
 * includes the day; other clocks and later ones simply read the new calendar.
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

  async setDay(input: CalendarDayInput): Promise<CalendarDayChange> {
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
    return this.dataSource.transaction(async (manager) => {
      await lockDay(manager, day);
      const [before] = (await manager.query(`SELECT working, name FROM working_calendar WHERE day = $1`, [
        day,
      ])) as Omit<CalendarDay, 'day'>[];
      await manager.query(
        `INSERT INTO working_calendar (day, working, name) VALUES ($1, $2, $3)
         ON CONFLICT (day) DO UPDATE SET working = excluded.working, name = excluded.name`,
        [day, input.working, name],
      );
      const retimedTickets = await retimeSpanning(manager, day);
      await recordConfigChange(manager, this.auth, {
        kind: TicketConfigChangeKind.CALENDAR_DAY_SET,
        key: day,
        scopeCode: CALENDAR_SCOPE,
        before: before ?? null,
        after: { working: input.working, name },
        effects: { retimedTickets },
      });
      return { day, working: input.working, name, retimedTickets };
    });
  }

  /** Removes an exception: the day follows the Monday–Friday rule again. */
  async clearDay(day: string): Promise<CalendarDayChange> {
    this.auth.assert(Permission.TICKET_CONFIGURE, CALENDAR_SCOPE);
    if (dayOfWeek(day.trim()) === null) throw badInput('day', 'must be a real date YYYY-MM-DD from 2000 to 2100');
    return this.dataSource.transaction(async (manager) => {
      await lockDay(manager, day.trim());
      const rows = (await manager.query(
        `DELETE FROM working_calendar WHERE day = $1 RETURNING to_char(day, 'YYYY-MM-DD') AS day, working, name`,
        [day.trim()],
      )) as [CalendarDay[], number];
      const [removed] = rows[0];
      if (!removed) throw notFound('Calendar exception', day);
      const retimedTickets = await retimeSpanning(manager, removed.day);
      await recordConfigChange(manager, this.auth, {
        kind: TicketConfigChangeKind.CALENDAR_DAY_CLEAR,
        key: removed.day,
        scopeCode: CALENDAR_SCOPE,
        before: { working: removed.working, name: removed.name },
        after: null,
        effects: { retimedTickets },
      });
      return { ...removed, retimedTickets };
    });
  }
}

/**
 * Serialises the edits of one day until the transaction ends, so the audit's `before` is the value
 * each edit replaced even when the day had no row yet (a row lock cannot cover a missing row).
 */
async function lockDay(manager: EntityManager, day: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('working_calendar'), hashtext($1))`, [day]);
}

/**
 * Re-times the working-day clocks whose window includes `day` (China time): started on or before
 * it, deadline on or after it. Only those count the day (`addWorkingDays` looks at the start day
 * and every day up to the deadline); the stored deadline carries any paused time, so the window is
 * never narrower than the one the calendar was consulted for. Pages by ticket id under `FOR UPDATE`;
 * each page reads the calendar after taking its locks, so of two concurrent edits the later one
 * to lock a ticket sees the other's day.
 */
async function retimeSpanning(manager: EntityManager, day: string): Promise<number> {
  const policies = await manager.find(SlaPolicyEntity);
  const policyOf = (clock: RunningClock) => {
    const policy = bestPolicy(
      policies.filter((p) => p.mode === clock.mode && p.unitLevel === unitLevel(clock.handling_unit_code)),
      clock.category_code,
    );
    // Minute and hour clocks run around the clock: the calendar never moved them.
    return policy && stageDuration(policy, clock.clock_stage).unit === SlaUnit.WORKING_DAYS ? policy : null;
  };
  const now = new Date();
  let retimed = 0;
  for (let after: string | null = null; ; ) {
    const clocks = (await manager.query(
      `SELECT ${RUNNING_CLOCK_COLUMNS}
         FROM ticket
        WHERE clock_stage IS NOT NULL
          AND deadline_at >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai')
          AND clock_started_at < (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
          AND ($2::uuid IS NULL OR id > $2::uuid)
        ORDER BY id LIMIT $3
        FOR UPDATE`,
      [day, after, RETIME_PAGE],
    )) as RunningClock[];
    retimed += await retimeClocks(manager, clocks, policyOf, now);
    if (clocks.length < RETIME_PAGE) return retimed;
    after = clocks[clocks.length - 1].id;
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
