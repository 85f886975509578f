import { SupervisionColor } from '../ticket/ticket.enums';
import type { CalendarException, WorkingCalendar } from './working-calendar';
import type { PUBLISHED_CALENDAR } from './working-calendar.data';

export enum SlaUnit {
  MINUTES = 'MINUTES',
  HOURS = 'HOURS',
  WORKING_DAYS = 'WORKING_DAYS',
}

export interface SlaDuration {
  amount: number;
  unit: SlaUnit;
}

/** Where a clock ends: minutes and hours run around the clock, working days follow the calendar. */
export function deadlineAfter(start: Date, duration: SlaDuration, calendar: WorkingCalendar): Date {
  switch (duration.unit) {
    case SlaUnit.MINUTES:
      return new Date(start.getTime() + duration.amount * 60_000);
    case SlaUnit.HOURS:
      return new Date(start.getTime() + duration.amount * 3_600_000);
    case SlaUnit.WORKING_DAYS:
      return calendar.addWorkingDays(start, duration.amount);
  }
}

/** The instants a running clock changes colour at; null while no clock runs. */
export interface ClockInstants {
  warningAt: Date | null;
  deadlineAt: Date | null;
  redAt: Date | null;
  /** A paused clock keeps the colour it had when paused. */
  pausedAt: Date | null;
}

/** Warning at `warningRatio` of the time (default 2/3), red `redAfterMinutes` past the deadline. */
export function clockInstants(
  startedAt: Date,
  deadlineAt: Date,
  policy: { warningRatio: number; redAfterMinutes: number },
): Omit<ClockInstants, 'pausedAt'> {
  const span = deadlineAt.getTime() - startedAt.getTime();
  return {
    warningAt: new Date(startedAt.getTime() + Math.round(span * policy.warningRatio)),
    deadlineAt,
    redAt: new Date(deadlineAt.getTime() + policy.redAfterMinutes * 60_000),
  };
}

/**
 * 四色督办: GREEN before the warning instant, YELLOW until the deadline, ORANGE past it, RED past the
 * red limit or under leader supervision. GREEN when no clock runs.
 */
export function supervisionColor(clock: ClockInstants, now: Date, supervised = false): SupervisionColor {
  if (supervised) return SupervisionColor.RED;
  if (!clock.warningAt || !clock.deadlineAt || !clock.redAt) return SupervisionColor.GREEN;
  const at = (clock.pausedAt ?? now).getTime();
  if (at >= clock.redAt.getTime()) return SupervisionColor.RED;
  if (at >= clock.deadlineAt.getTime()) return SupervisionColor.ORANGE;
  return at >= clock.warningAt.getTime() ? SupervisionColor.YELLOW : SupervisionColor.GREEN;
}

/** The published arrangement as per-day exceptions to the Monday–Friday rule. */
export function calendarExceptions(published: typeof PUBLISHED_CALENDAR): CalendarException[] {
  return published.flatMap(({ holidays, workdays }) => [
    ...holidays.flatMap(([first, last]) => daysBetween(first, last).map((day) => ({ day, working: false }))),
    ...workdays.map((day) => ({ day, working: true })),
  ]);
}

function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
