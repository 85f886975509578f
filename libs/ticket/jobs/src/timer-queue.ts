import { DelayedError, type Job, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { COLOR_THRESHOLDS, type TicketTimer, type TimerChanges } from '@gridgov/ticket-data-access';

const COLOR = new Set<string>(COLOR_THRESHOLDS);

/** Options every timer job gets: retried with back-off, gone once done (the ledger in PostgreSQL remembers). */
const TIMER_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 86_400 },
} as const;

/** A timer as a BullMQ delayed job: ids only, due at `dueAt`, job id deterministic. */
export function timerJob(timer: TicketTimer, now = Date.now()) {
  const name = COLOR.has(timer.threshold) ? 'color-timer' : 'rating-timer';
  return {
    name,
    data: { ticketId: timer.ticketId, stage: timer.stage, threshold: timer.threshold, slaVersion: timer.slaVersion },
    // The job's timestamp is the `now` its delay counts from, so timestamp + delay is the due instant exactly.
    opts: { ...TIMER_OPTIONS, jobId: timer.jobId, timestamp: now, delay: Math.max(0, timer.dueAt.getTime() - now) },
  };
}

/**
 * Applies timer changes to the TICKET_TIMERS queue. Adding is idempotent (BullMQ ignores a job id it
 * still holds); removing is only tidying (a stale timer does nothing), so a job that is running and
 * cannot be removed is left alone.
 */
export async function applyTimerChanges(queue: Queue, changes: Pick<TimerChanges, 'remove' | 'add'>): Promise<void> {
  await Promise.all(changes.remove.map((id) => queue.remove(id).catch(() => 0)));
  if (changes.add.length) await queue.addBulk(changes.add.map((t) => timerJob(t)));
}

/** The timers whose job is missing from Redis (neither delayed, waiting, active nor failed). */
export async function missingTimers(queue: Queue, timers: TicketTimer[]): Promise<TicketTimer[]> {
  if (timers.length === 0) return [];
  // The queue's own ioredis connection (BullMQ types it as its generic client).
  const client = (await queue.getBackend().client) as unknown as Redis;
  const pipeline = client.pipeline();
  for (const t of timers) pipeline.exists(queue.toKey(t.jobId));
  const results = (await pipeline.exec()) ?? [];
  return timers.filter((_, i) => results[i]?.[1] === 0);
}

/** Puts a running timer back to fire at `dueAt` (its clock moved later, e.g. resumed); BullMQ wants DelayedError thrown. */
export async function fireLater(job: Job, dueAt: Date): Promise<never> {
  await job.moveToDelayed(dueAt.getTime(), job.token);
  throw new DelayedError();
}
