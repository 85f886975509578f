import { SupervisionColor, TicketStatus } from '../ticket/ticket.enums';
import type { TicketEntity } from '../ticket/ticket.entity';

/** The clock a timer belongs to: an SLA stage, or the rating wait of a VERIFIED ticket. */
export type TimerStage = 'ACCEPT' | 'RESOLVE' | 'VERIFY' | 'RATING';

/** What happens when a timer fires. */
export enum TimerThreshold {
  YELLOW = 'YELLOW',
  ORANGE = 'ORANGE',
  RED = 'RED',
  RATING_REMINDER = 'RATING_REMINDER',
  AUTO_CLOSE = 'AUTO_CLOSE',
}

export const COLOR_THRESHOLDS = [TimerThreshold.YELLOW, TimerThreshold.ORANGE, TimerThreshold.RED] as const;
export type ColorThreshold = (typeof COLOR_THRESHOLDS)[number];

const COLOR_RANK: Record<SupervisionColor, number> = {
  [SupervisionColor.GREEN]: 0,
  [SupervisionColor.YELLOW]: 1,
  [SupervisionColor.ORANGE]: 2,
  [SupervisionColor.RED]: 3,
};

/** True when `color` is at least as far as `threshold` (so that threshold has nothing left to do). */
export function reached(color: SupervisionColor, threshold: ColorThreshold): boolean {
  return COLOR_RANK[color] >= COLOR_RANK[SupervisionColor[threshold]];
}

/** One pending timer: ids only, plus when it is due. */
export interface TicketTimer {
  jobId: string;
  ticketId: string;
  stage: TimerStage;
  threshold: TimerThreshold;
  slaVersion: number;
  dueAt: Date;
}

/**
 * `ticket.<id>.<stage>.<threshold>.v<slaVersion>`: the same timer always gets the same BullMQ job
 * id, so relaying an outbox row twice or sweeping after a flush never doubles it, and a new SLA
 * version never collides with the old one. Dots, not colons: BullMQ refuses custom ids with `:`.
 */
export function timerJobId(
  ticketId: string,
  stage: TimerStage,
  threshold: TimerThreshold,
  slaVersion: number,
): string {
  return `ticket.${ticketId}.${stage}.${threshold}.v${slaVersion}`;
}

/** Every job id a ticket's clock of one SLA version may have (for removal: the stage may be unknown). */
export function versionJobIds(ticketId: string, slaVersion: number): string[] {
  const clocks = (['ACCEPT', 'RESOLVE', 'VERIFY'] as const).flatMap((stage) =>
    COLOR_THRESHOLDS.map((t) => timerJobId(ticketId, stage, t, slaVersion)),
  );
  const rating = [TimerThreshold.RATING_REMINDER, TimerThreshold.AUTO_CLOSE].map((t) =>
    timerJobId(ticketId, 'RATING', t, slaVersion),
  );
  return [...clocks, ...rating];
}

/** When an unrated VERIFIED ticket is reminded and closed (from its policy). */
export interface RatingWait {
  verifiedAt: Date;
  reminderDays: number;
  closeDays: number;
}

const DAY = 86_400_000;

export type TimerTicket = Pick<
  TicketEntity,
  | 'id'
  | 'status'
  | 'slaVersion'
  | 'clockStage'
  | 'warningAt'
  | 'deadlineAt'
  | 'redAt'
  | 'pausedAt'
  | 'supervisionColor'
  | 'satisfaction'
>;

/** The instant a colour threshold of the ticket's running clock is due (null: no running clock). */
export function colorDueAt(ticket: TimerTicket, threshold: ColorThreshold): Date | null {
  const at = { YELLOW: ticket.warningAt, ORANGE: ticket.deadlineAt, RED: ticket.redAt }[threshold];
  return ticket.clockStage && !ticket.pausedAt ? at : null;
}

/** When a rating timer is due. */
export function ratingDueAt(
  wait: RatingWait,
  threshold: TimerThreshold.RATING_REMINDER | TimerThreshold.AUTO_CLOSE,
): Date {
  const days = threshold === TimerThreshold.AUTO_CLOSE ? wait.closeDays : wait.reminderDays;
  return new Date(wait.verifiedAt.getTime() + days * DAY);
}

/**
 * The timers a ticket should have pending now: the colour thresholds of its running clock that it
 * has not reached yet (none while paused), and for an unrated VERIFIED ticket the rating reminder
 * (if it comes before the close) and the auto-close.
 */
export function pendingTimers(ticket: TimerTicket, rating: RatingWait | null): TicketTimer[] {
  const timers: TicketTimer[] = [];
  const add = (stage: TimerStage, threshold: TimerThreshold, dueAt: Date) =>
    timers.push({
      jobId: timerJobId(ticket.id, stage, threshold, ticket.slaVersion),
      ticketId: ticket.id,
      stage,
      threshold,
      slaVersion: ticket.slaVersion,
      dueAt,
    });
  if (ticket.clockStage) {
    for (const threshold of COLOR_THRESHOLDS) {
      const dueAt = colorDueAt(ticket, threshold);
      if (dueAt && !reached(ticket.supervisionColor, threshold)) add(ticket.clockStage, threshold, dueAt);
    }
  }
  if (ticket.status === TicketStatus.VERIFIED && !ticket.satisfaction && rating) {
    if (rating.reminderDays < rating.closeDays)
      add('RATING', TimerThreshold.RATING_REMINDER, ratingDueAt(rating, TimerThreshold.RATING_REMINDER));
    add('RATING', TimerThreshold.AUTO_CLOSE, ratingDueAt(rating, TimerThreshold.AUTO_CLOSE));
  }
  return timers;
}
