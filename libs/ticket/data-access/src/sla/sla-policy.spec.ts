import { SupervisionColor } from '../ticket/ticket.enums';
import { clockInstants, deadlineAfter, SlaUnit, supervisionColor } from './sla-policy';
import { WorkingCalendar } from './working-calendar';

const start = new Date('2026-03-02T09:00:00+08:00'); // a Monday
const calendar = new WorkingCalendar([]);

// Deadlines per unit and the four supervision colours of a running clock.
describe('SLA deadlines and colours', () => {
  it('adds minutes and hours around the clock and working days by the calendar', () => {
    expect(deadlineAfter(start, { amount: 30, unit: SlaUnit.MINUTES }, calendar)).toEqual(
      new Date('2026-03-02T09:30:00+08:00'),
    );
    expect(deadlineAfter(start, { amount: 48, unit: SlaUnit.HOURS }, calendar)).toEqual(
      new Date('2026-03-04T09:00:00+08:00'),
    );
    expect(deadlineAfter(start, { amount: 5, unit: SlaUnit.WORKING_DAYS }, calendar)).toEqual(
      new Date('2026-03-09T09:00:00+08:00'),
    );
  });

  it('turns YELLOW at 2/3 of the time, ORANGE at the deadline, RED past the red limit or when supervised', () => {
    const clock = {
      ...clockInstants(new Date('2026-03-02T00:00:00Z'), new Date('2026-03-02T03:00:00Z'), {
        warningRatio: 2 / 3,
        redAfterMinutes: 60,
      }),
      pausedAt: null,
    };
    const at = (time: string) => supervisionColor(clock, new Date(`2026-03-02T${time}Z`));
    expect(at('01:59:59')).toBe(SupervisionColor.GREEN);
    expect(at('02:00:00')).toBe(SupervisionColor.YELLOW);
    expect(at('03:00:00')).toBe(SupervisionColor.ORANGE);
    expect(at('04:00:00')).toBe(SupervisionColor.RED);
    expect(supervisionColor(clock, new Date('2026-03-02T00:10:00Z'), true)).toBe(SupervisionColor.RED);
    // Paused at 01:00: still GREEN hours later.
    expect(
      supervisionColor(
        { ...clock, pausedAt: new Date('2026-03-02T01:00:00Z') },
        new Date('2026-03-02T05:00:00Z'),
      ),
    ).toBe(SupervisionColor.GREEN);
  });
});
