import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { type HandlerTable, jobHandlerTable, QueueName } from '@gridgov/platform-queue';
import { TicketTimerService } from '@gridgov/ticket-data-access';
import { ColorTimerJob } from './color-timer.job';
import { OutboxRelayJob } from './outbox-relay.job';
import { RatingTimerJob } from './rating-timer.job';
import { TICKET_OUTBOX_JOB_NAMES, TICKET_TIMER_JOB_NAMES } from './ticket-job';
import { TimerSweepJob } from './timer-sweep.job';

export type TicketQueue = QueueName.TICKET_OUTBOX | QueueName.TICKET_TIMERS;

/**
 * The checked handler table of each ticket queue, wired to PostgreSQL and the queues they produce
 * to; throws at start-up when a job has no handler or two.
 */
export function ticketJobTables(
  dataSource: DataSource,
  queues: { timers: Queue; notifications: Queue },
): Record<TicketQueue, HandlerTable> {
  const timers = new TicketTimerService(dataSource);
  return {
    [QueueName.TICKET_OUTBOX]: jobHandlerTable(TICKET_OUTBOX_JOB_NAMES, [
      new OutboxRelayJob(timers, queues.timers, queues.notifications),
      new TimerSweepJob(timers, queues.timers),
    ]),
    [QueueName.TICKET_TIMERS]: jobHandlerTable(TICKET_TIMER_JOB_NAMES, [
      new ColorTimerJob(timers, queues.notifications),
      new RatingTimerJob(timers, queues.notifications),
    ]),
  };
}

const FINISHED = { removeOnComplete: true, removeOnFail: 100 };

/** Asks for a sweep now (worker start, lost schedules). */
export async function sweepNow(outbox: Queue, why: string): Promise<void> {
  await outbox.add('timer-sweep', {}, { ...FINISHED, jobId: `timer-sweep-${why}-${Date.now()}` });
}

/**
 * The relay every `relayEveryMs` and the sweep every `sweepEveryMs` (job schedulers: one run per
 * tick whatever the number of replicas). Called on start and then periodically: when the schedules
 * are missing (first start, or Redis lost its data) they are recreated and a sweep runs at once.
 * Returns whether they had been missing.
 */
export async function ensureTicketSchedules(
  outbox: Queue,
  options: { relayEveryMs: number; sweepEveryMs: number },
): Promise<boolean> {
  const present = await Promise.all(['outbox-relay', 'timer-sweep'].map((id) => outbox.getJobScheduler(id)));
  if (present.every(Boolean)) return false;
  for (const [name, every] of [
    ['outbox-relay', options.relayEveryMs],
    ['timer-sweep', options.sweepEveryMs],
  ] as const)
    await outbox.upsertJobScheduler(name, { every }, { name, data: {}, opts: FINISHED });
  await sweepNow(outbox, 'schedules-missing');
  return true;
}
