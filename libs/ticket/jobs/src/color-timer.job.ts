import type { Job, Queue } from 'bullmq';
import { enqueueNotification, type HandlerOf } from '@gridgov/platform-queue';
import {
  type ColorThreshold,
  type TicketTimerService,
  timerJobId,
  type TimerStage,
} from '@gridgov/ticket-data-access';
import { colorRecipients, timerNotification } from './notification';
import type { TicketTimerJobMap } from './ticket-job';
import { fireLater } from './timer-queue';

export interface ColorTimerPayload {
  ticketId: string;
  stage: TimerStage;
  threshold: ColorThreshold;
  slaVersion: number;
}

/**
 * A colour threshold fires: the ticket is re-read and, only if it is still in the stage and SLA
 * version the timer was made for, turns YELLOW/ORANGE/RED with a timeline entry; then the handler,
 * the owner or the unit's leaders are notified and, where the policy asks, a RED ticket escalates.
 * A clock shifted by a suspension re-delays the job to the new instant.
 */
export class ColorTimerJob implements HandlerOf<TicketTimerJobMap, 'color-timer'> {
  readonly name = 'color-timer';

  constructor(
    private readonly timers: TicketTimerService,
    private readonly notifications: Queue,
  ) {}

  async run(payload: ColorTimerPayload, job: Job<ColorTimerPayload>): Promise<string> {
    const outcome = await this.timers.applyColor(payload, new Date());
    if (outcome.kind === 'early') return fireLater(job, outcome.dueAt);
    if (outcome.kind !== 'notify') return outcome.kind;
    const jobId = timerJobId(payload.ticketId, payload.stage, payload.threshold, payload.slaVersion);
    const recipients = colorRecipients(payload.threshold, outcome.facts);
    await enqueueNotification(this.notifications, timerNotification(jobId, payload.threshold, outcome.facts, recipients));
    // After notifying: a crash here repeats the job, which notifies again (ignored, same id) and escalates.
    if (outcome.escalate) await this.timers.escalate(payload.ticketId, outcome.escalate.expectedVersion);
    await this.timers.markNotified(payload);
    return outcome.escalate ? 'escalated' : 'applied';
  }
}
