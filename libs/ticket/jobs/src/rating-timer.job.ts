import type { Job, Queue } from 'bullmq';
import { enqueueNotification, type HandlerOf } from '@gridgov/platform-queue';
import { type TicketTimerService, timerJobId, type TimerThreshold } from '@gridgov/ticket-data-access';
import { timerNotification } from './notification';
import type { TicketTimerJobMap } from './ticket-job';
import { fireLater } from './timer-queue';

export interface RatingTimerPayload {
  ticketId: string;
  stage: 'RATING';
  threshold: TimerThreshold.RATING_REMINDER | TimerThreshold.AUTO_CLOSE;
  slaVersion: number;
}

/** An unrated VERIFIED ticket: the reporter is reminded to rate it, and later it is closed as the policy says. */
export class RatingTimerJob implements HandlerOf<TicketTimerJobMap, 'rating-timer'> {
  readonly name = 'rating-timer';

  constructor(
    private readonly timers: TicketTimerService,
    private readonly notifications: Queue,
  ) {}

  async run(payload: RatingTimerPayload, job: Job<RatingTimerPayload>): Promise<string> {
    const outcome = await this.timers.applyRating(payload, new Date());
    switch (outcome.kind) {
      case 'early':
        return fireLater(job, outcome.dueAt);
      case 'close':
        return (await this.timers.autoClose(payload.ticketId, outcome.expectedVersion, outcome.days))
          ? 'closed'
          : 'stale';
      case 'notify': {
        const jobId = timerJobId(payload.ticketId, payload.stage, payload.threshold, payload.slaVersion);
        const notification = timerNotification(jobId, payload.threshold, outcome.facts, {
          accountIds: [outcome.facts.reporterId],
        });
        await enqueueNotification(this.notifications, notification);
        await this.timers.markNotified(payload);
        return 'reminded';
      }
      default:
        return outcome.kind;
    }
  }
}
