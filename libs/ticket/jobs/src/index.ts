export { type ColorTimerPayload, ColorTimerJob } from './color-timer.job';
export { colorRecipients, timerNotification } from './notification';
export { type OutboxRelayPayload, OutboxRelayJob } from './outbox-relay.job';
export { type RatingTimerPayload, RatingTimerJob } from './rating-timer.job';
export {
  TICKET_JOB_QUEUE,
  type TicketJobData,
  type TicketJobHandler,
  TicketJobName,
  type TicketJobPayloads,
} from './ticket-job';
export { createTicketJobHandlers, ensureTicketSchedules, handlerRegistry, ticketProcessor } from './ticket-jobs';
export { applyTimerChanges, missingTimers, timerJob } from './timer-queue';
export { type TimerSweepPayload, TimerSweepJob } from './timer-sweep.job';
