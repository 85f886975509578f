import type { Job } from 'bullmq';
import { QueueName } from '@gridgov/platform-queue';
import type { ColorTimerPayload } from './color-timer.job';
import type { OutboxRelayPayload } from './outbox-relay.job';
import type { RatingTimerPayload } from './rating-timer.job';
import type { TimerSweepPayload } from './timer-sweep.job';

/** Every job the ticket worker runs. */
export enum TicketJobName {
  OUTBOX_RELAY = 'outbox-relay',
  TIMER_SWEEP = 'timer-sweep',
  COLOR_TIMER = 'color-timer',
  RATING_TIMER = 'rating-timer',
}

/** Job name → payload: producers and handlers are typed by the same map. */
export interface TicketJobPayloads {
  [TicketJobName.OUTBOX_RELAY]: OutboxRelayPayload;
  [TicketJobName.TIMER_SWEEP]: TimerSweepPayload;
  [TicketJobName.COLOR_TIMER]: ColorTimerPayload;
  [TicketJobName.RATING_TIMER]: RatingTimerPayload;
}

/** The queue each job runs on: relay and sweep apart from the timers, so each can be scaled alone. */
export const TICKET_JOB_QUEUE: Record<TicketJobName, QueueName> = {
  [TicketJobName.OUTBOX_RELAY]: QueueName.TICKET_OUTBOX,
  [TicketJobName.TIMER_SWEEP]: QueueName.TICKET_OUTBOX,
  [TicketJobName.COLOR_TIMER]: QueueName.TICKET_TIMERS,
  [TicketJobName.RATING_TIMER]: QueueName.TICKET_TIMERS,
};

export type TicketJobData<N extends TicketJobName> = Job<TicketJobPayloads[N], unknown, N>;

/** One handler per job name; `token` is the worker's lock token (to re-delay a job). */
export interface TicketJobHandler<N extends TicketJobName = TicketJobName> {
  readonly name: N;
  process(payload: TicketJobPayloads[N], job: TicketJobData<N>, token: string | undefined): Promise<unknown>;
}
