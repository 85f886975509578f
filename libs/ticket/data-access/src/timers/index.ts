export {
  COLOR_THRESHOLDS,
  type ColorThreshold,
  pendingTimers,
  reached,
  type TicketTimer,
  timerJobId,
  TimerThreshold,
  type TimerStage,
  versionJobIds,
} from './ticket-timer';
export {
  type ColorOutcome,
  type RatingOutcome,
  SYSTEM_ACCOUNT_ID,
  type TimerChanges,
  type TimerFacts,
  type TimerRef,
  TicketTimerService,
} from './ticket-timer.service';
export { DEMO_CLOCK_TICKET_ID, seedDeadlineDemo } from './deadline-demo.seed';
