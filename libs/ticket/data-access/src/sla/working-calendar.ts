/** A day that differs from the Monday–Friday rule: a public holiday, or a weekend day worked (调休). */
export interface CalendarException {
  /** `YYYY-MM-DD` in China time. */
  day: string;
  working: boolean;
}

const DAY = 86_400_000;
/** China has one time zone and no DST: working days are counted in UTC+8. */
const CHINA_OFFSET = 8 * 3_600_000;

/** Working-day arithmetic over weekdays plus the published exceptions. */
export class WorkingCalendar {
  private readonly exceptions: Map<string, boolean>;

  constructor(exceptions: readonly CalendarException[]) {
    this.exceptions = new Map(exceptions.map((e) => [e.day, e.working]));
  }

  isWorkingDay(at: Date): boolean {
    const local = new Date(at.getTime() + CHINA_OFFSET);
    const override = this.exceptions.get(local.toISOString().slice(0, 10));
    if (override !== undefined) return override;
    const weekday = local.getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * `days` working days after `start`, at the same time of day. A start on a day off counts from
   * the beginning (00:00 China time) of the next working day, so time off never counts.
   */
  addWorkingDays(start: Date, days: number): Date {
    let at = start;
    if (!this.isWorkingDay(at)) {
      at = startOfChinaDay(at);
      do at = new Date(at.getTime() + DAY);
      while (!this.isWorkingDay(at));
    }
    for (let left = days; left > 0; ) {
      at = new Date(at.getTime() + DAY);
      if (this.isWorkingDay(at)) left--;
    }
    return at;
  }
}

function startOfChinaDay(at: Date): Date {
  const local = at.getTime() + CHINA_OFFSET;
  return new Date(local - (local % DAY) - CHINA_OFFSET);
}
