export { type ColorTimerPayload, ColorTimerJob } from './color-timer.job';
export { colorRecipients, timerNotification } from './notification';
export { type OutboxRelayPayload, OutboxRelayJob } from './outbox-relay.job';
export { type RatingTimerPayload, RatingTimerJob } from './rating-timer.job';
export {
  TICKET_OUTBOX_JOB_NAMES,
  TICKET_TIMER_JOB_NAMES,
  type TicketOutboxJobMap,
  type TicketTimerJobMap,
} from './ticket-job';
export { ensureTicketSchedules, sweepNow, type TicketQueue, ticketJobTables } from './ticket-jobs';
export { applyTimerChanges, fireLater, missingTimers, timerJob } from './timer-queue';
export { type TimerSweepPayload, TimerSweepJob } from './timer-sweep.job';
