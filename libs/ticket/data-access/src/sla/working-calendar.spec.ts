import { PUBLISHED_CALENDAR } from './working-calendar.data';
import { calendarExceptions } from './sla-policy';
import { WorkingCalendar } from './working-calendar';

const calendar = new WorkingCalendar(calendarExceptions(PUBLISHED_CALENDAR));
const china = (local: string) => new Date(`${local}+08:00`);

// Working days follow the published 2026 arrangement: the Spring Festival and National Day weeks
// are off, and their make-up weekend days count.
describe('WorkingCalendar (2026 published data)', () => {
  it('knows holidays, make-up Saturdays and ordinary weekends', () => {
    expect(calendar.isWorkingDay(china('2026-02-16T10:00:00'))).toBe(false); // Monday of 春节
    expect(calendar.isWorkingDay(china('2026-02-14T10:00:00'))).toBe(true); // Saturday 调休
    expect(calendar.isWorkingDay(china('2026-02-28T10:00:00'))).toBe(true); // Saturday 调休
    expect(calendar.isWorkingDay(china('2026-03-07T10:00:00'))).toBe(false); // ordinary Saturday
    expect(calendar.isWorkingDay(china('2026-03-09T10:00:00'))).toBe(true); // ordinary Monday
    // 00:30 in China is still the previous day in UTC: the China date decides.
    expect(calendar.isWorkingDay(china('2026-10-08T00:30:00'))).toBe(true);
  });

  it('counts across the Spring Festival: Friday 13 Feb + 3 working days is Wednesday 25 Feb', () => {
    const start = china('2026-02-13T10:00:00');
    expect(calendar.addWorkingDays(start, 1)).toEqual(china('2026-02-14T10:00:00'));
    expect(calendar.addWorkingDays(start, 2)).toEqual(china('2026-02-24T10:00:00'));
    expect(calendar.addWorkingDays(start, 3)).toEqual(china('2026-02-25T10:00:00'));
  });

  it('counts across National Day: Wednesday 30 Sep + 3 working days is Saturday 10 Oct (调休)', () => {
    const start = china('2026-09-30T16:00:00');
    expect(calendar.addWorkingDays(start, 1)).toEqual(china('2026-10-08T16:00:00'));
    expect(calendar.addWorkingDays(start, 3)).toEqual(china('2026-10-10T16:00:00'));
    expect(calendar.addWorkingDays(start, 4)).toEqual(china('2026-10-12T16:00:00'));
  });

  it('starts a report made on a day off at the next working day', () => {
    // Reported during the holiday on 3 Oct: the clock starts 8 Oct 00:00, one day ends 9 Oct 00:00.
    expect(calendar.addWorkingDays(china('2026-10-03T11:00:00'), 1)).toEqual(china('2026-10-09T00:00:00'));
    // Saturday 19 Sep is off, Sunday 20 Sep is a make-up working day.
    expect(calendar.addWorkingDays(china('2026-09-19T11:00:00'), 1)).toEqual(china('2026-09-21T00:00:00'));
  });
});
