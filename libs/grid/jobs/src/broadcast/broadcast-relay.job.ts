import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { BroadcastService } from '@gridgov/grid-data-access';
import { type HandlerOf, KEEP_FINISHED } from '@gridgov/platform-queue';
import type { GridReminderJobMap } from '../grid-job-map';

export type BroadcastRelayPayload = Record<string, never>;

export interface BroadcastRetry {
  attempts: number;
  backoffMs: number;
}

/**
 * Hands each broadcast recorded by grid-service to one `broadcast` job (id = the broadcast's id, so a
 * relay repeated after a crash adds nothing), then marks it queued.
 */
export class BroadcastRelayJob implements HandlerOf<GridReminderJobMap, 'broadcast-relay'> {
  readonly name = 'broadcast-relay';

  constructor(
    private readonly dataSource: DataSource,
    private readonly reminders: Queue,
    private readonly retry: BroadcastRetry,
  ) {}

  async run(): Promise<{ queued: number }> {
    const pending = await BroadcastService.pending(this.dataSource);
    for (const broadcast of pending) {
      await this.reminders.add(
        'broadcast',
        { broadcastId: broadcast.id },
        {
          jobId: `broadcast-${broadcast.id}`,
          attempts: this.retry.attempts,
          backoff: { type: 'exponential', delay: this.retry.backoffMs },
          ...KEEP_FINISHED,
        },
      );
      await BroadcastService.markQueued(this.dataSource, broadcast.id);
    }
    return { queued: pending.length };
  }
}
