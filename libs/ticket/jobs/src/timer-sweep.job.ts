import type { Queue } from 'bullmq';
import type { TicketTimerService } from '@gridgov/ticket-data-access';
import type { HandlerOf } from '@gridgov/platform-queue';
import type { TicketOutboxJobMap } from './ticket-job';
import { applyTimerChanges, missingTimers } from './timer-queue';

export type TimerSweepPayload = Record<string, never>;

/**
 * Reconciliation: PostgreSQL is the truth. Walks every ticket that should have timers and recreates
 * the jobs Redis lacks (after a FLUSHALL, a failover, a lost relay), so no deadline is lost.
 */
export class TimerSweepJob implements HandlerOf<TicketOutboxJobMap, 'timer-sweep'> {
  readonly name = 'timer-sweep';

  constructor(
    private readonly timers: TicketTimerService,
    private readonly timerQueue: Queue,
    private readonly pageSize = 500,
  ) {}

  async run(): Promise<{ checked: number; restored: number }> {
    let checked = 0;
    let restored = 0;
    let after: string | null = null;
    do {
      const page = await this.timers.sweepPage(after, this.pageSize);
      const missing = await missingTimers(this.timerQueue, page.timers);
      await applyTimerChanges(this.timerQueue, { remove: [], add: missing });
      checked += page.timers.length;
      restored += missing.length;
      after = page.lastId;
    } while (after);
    return { checked, restored };
  }
}
