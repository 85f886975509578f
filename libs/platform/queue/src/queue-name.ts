/** Every BullMQ queue of the platform, in one place, so workers and producers cannot drift apart. */
export enum QueueName {
  /** Relays ticket outbox rows into timer jobs. */
  TICKET_OUTBOX = 'ticket-outbox',
  /** SLA thresholds (warning, deadline, red), auto-close and rating reminders. */
  TICKET_TIMERS = 'ticket-timers',
  /** Periodic and scheduled reminders (visits, 三会一课, council meetings), broadcasts. */
  REMINDERS = 'reminders',
  /** Delivery of one notification through one channel (inbox, SMS, webhook). */
  NOTIFICATIONS = 'notifications',
  /** Assessment runs at each period end (and on demand), one per scheme and period. */
  ASSESSMENT_RUNS = 'assessment-runs',
  /** Resident imports, one job per stored import (its id only), run inside grid-service. */
  GRID_IMPORTS = 'grid-imports',
  /** Jobs of any queue that failed their last attempt, kept for operators to inspect and replay. */
  DEAD_LETTER = 'dead-letter',
}
