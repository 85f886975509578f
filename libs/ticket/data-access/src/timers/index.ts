export {
  COLOR_THRESHOLDS,
  type ColorThreshold,
  pendingTimers,
  type TicketTimer,
  timerJobId,
  TimerThreshold,
  type TimerStage,
} from './ticket-timer';
export {
  SYSTEM_ACCOUNT_ID,
  type TimerChanges,
  type TimerFacts,
  TicketTimerService,
} from './ticket-timer.service';
export { seedDeadlineDemo } from './deadline-demo.seed';
