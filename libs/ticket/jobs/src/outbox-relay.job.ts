import type { Queue } from 'bullmq';
import type { TicketTimerService } from '@gridgov/ticket-data-access';
import { enqueueNotification, type HandlerOf } from '@gridgov/platform-queue';
import type { TicketOutboxJobMap } from './ticket-job';
import { applyTimerChanges } from './timer-queue';

/** A relay run has no input: it drains whatever the outbox holds. */
export type OutboxRelayPayload = Record<string, never>;

/**
 * Turns `ticket_outbox` rows into timer jobs (and the notifications the ticket service wrote there), in batches, until the outbox is empty or the run has
 * used its time budget (the next scheduled run continues). Replicas share rows (SKIP LOCKED).
 */
export class OutboxRelayJob implements HandlerOf<TicketOutboxJobMap, 'outbox-relay'> {
  readonly name = 'outbox-relay';

  constructor(
    private readonly timers: TicketTimerService,
    private readonly timerQueue: Queue,
    private readonly notifications: Queue,
    private readonly options: { batchSize: number; budgetMs: number } = { batchSize: 200, budgetMs: 5_000 },
  ) {}

  async run(): Promise<{ relayed: number }> {
    const until = Date.now() + this.options.budgetMs;
    let relayed = 0;
    for (;;) {
      const n = await this.timers.relayOutbox(this.options.batchSize, async (changes) => {
        await applyTimerChanges(this.timerQueue, changes);
        // Idempotent by notificationId, like the timer adds: a crash before the rows are marked is harmless.
        for (const notification of changes.notify) await enqueueNotification(this.notifications, notification);
      });
      relayed += n;
      if (n < this.options.batchSize || Date.now() > until) return { relayed };
    }
  }
}
