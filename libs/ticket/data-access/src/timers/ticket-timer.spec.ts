import { SupervisionColor, TicketStatus } from '../ticket/ticket.enums';
import { pendingTimers, reached, type TimerTicket, timerJobId, TimerThreshold, versionJobIds } from './ticket-timer';

const ID = '5f0c8a2e-1b7d-4c3e-9a40-2d6f1e0b7c11';
const at = (iso: string) => new Date(iso);
const running: TimerTicket = {
  id: ID,
  status: TicketStatus.ASSIGNED,
  slaVersion: 3,
  clockStage: 'RESOLVE',
  warningAt: at('2026-12-01T08:00:00Z'),
  deadlineAt: at('2026-12-02T08:00:00Z'),
  redAt: at('2026-12-03T08:00:00Z'),
  pausedAt: null,
  supervisionColor: SupervisionColor.GREEN,
  satisfaction: null,
};

describe('ticket timers', () => {
  it('names a timer by ticket, stage, threshold and SLA version, without the colons BullMQ refuses', () => {
    expect(timerJobId(ID, 'RESOLVE', TimerThreshold.ORANGE, 3)).toBe(`ticket.${ID}.RESOLVE.ORANGE.v3`);
    expect(timerJobId(ID, 'RESOLVE', TimerThreshold.ORANGE, 4)).not.toBe(timerJobId(ID, 'RESOLVE', TimerThreshold.ORANGE, 3));
    expect(timerJobId(ID, 'RESOLVE', TimerThreshold.ORANGE, 3)).not.toContain(':');
  });

  it('arms the three colours of a running clock at its instants', () => {
    expect(pendingTimers(running, null).map((t) => [t.threshold, t.dueAt.toISOString(), t.jobId])).toEqual([
      ['YELLOW', '2026-12-01T08:00:00.000Z', `ticket.${ID}.RESOLVE.YELLOW.v3`],
      ['ORANGE', '2026-12-02T08:00:00.000Z', `ticket.${ID}.RESOLVE.ORANGE.v3`],
      ['RED', '2026-12-03T08:00:00.000Z', `ticket.${ID}.RESOLVE.RED.v3`],
    ]);
  });

  it('skips colours already reached, and has none while paused or without a clock', () => {
    expect(pendingTimers({ ...running, supervisionColor: SupervisionColor.ORANGE }, null).map((t) => t.threshold)).toEqual([
      'RED',
    ]);
    expect(pendingTimers({ ...running, supervisionColor: SupervisionColor.RED }, null)).toEqual([]);
    expect(pendingTimers({ ...running, pausedAt: at('2026-11-30T08:00:00Z') }, null)).toEqual([]);
    expect(pendingTimers({ ...running, clockStage: null }, null)).toEqual([]);
    expect(reached(SupervisionColor.YELLOW, TimerThreshold.YELLOW)).toBe(true);
    expect(reached(SupervisionColor.YELLOW, TimerThreshold.ORANGE)).toBe(false);
  });

  it('reminds the reporter and then auto-closes an unrated VERIFIED ticket, by the policy’s days', () => {
    const verified: TimerTicket = { ...running, status: TicketStatus.VERIFIED, clockStage: null };
    const wait = { verifiedAt: at('2026-12-01T10:00:00Z'), reminderDays: 3, closeDays: 7 };
    expect(pendingTimers(verified, wait).map((t) => [t.jobId, t.dueAt.toISOString()])).toEqual([
      [`ticket.${ID}.RATING.RATING_REMINDER.v3`, '2026-12-04T10:00:00.000Z'],
      [`ticket.${ID}.RATING.AUTO_CLOSE.v3`, '2026-12-08T10:00:00.000Z'],
    ]);
    expect(pendingTimers({ ...verified, satisfaction: 'SATISFIED' as never }, wait)).toEqual([]);
    expect(pendingTimers(verified, { ...wait, reminderDays: 7 }).map((t) => t.threshold)).toEqual(['AUTO_CLOSE']);
  });

  it('lists every job id a version may hold, for removal when the version ends', () => {
    const ids = versionJobIds(ID, 3);
    expect(ids).toHaveLength(11);
    for (const t of pendingTimers(running, null)) expect(ids).toContain(t.jobId);
  });
});
