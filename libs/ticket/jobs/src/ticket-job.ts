import type { JobNames } from '@gridgov/platform-queue';
import type { ColorTimerPayload } from './color-timer.job';
import type { OutboxRelayPayload } from './outbox-relay.job';
import type { RatingTimerPayload } from './rating-timer.job';
import type { TimerSweepPayload } from './timer-sweep.job';

/** Jobs on QueueName.TICKET_OUTBOX: relaying the outbox and the reconciliation sweep. */
export interface TicketOutboxJobMap {
  'outbox-relay': OutboxRelayPayload;
  'timer-sweep': TimerSweepPayload;
}

/** Jobs on QueueName.TICKET_TIMERS: the delayed timers themselves. */
export interface TicketTimerJobMap {
  'color-timer': ColorTimerPayload;
  'rating-timer': RatingTimerPayload;
}

export const TICKET_OUTBOX_JOB_NAMES: JobNames<TicketOutboxJobMap> = { 'outbox-relay': true, 'timer-sweep': true };
export const TICKET_TIMER_JOB_NAMES: JobNames<TicketTimerJobMap> = { 'color-timer': true, 'rating-timer': true };
