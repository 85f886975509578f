import type { Job, Queue } from 'bullmq';
import type { QueueName } from '@gridgov/platform-queue';
import { TicketTimerService } from '@gridgov/ticket-data-access';
import type { DataSource } from 'typeorm';
import { ColorTimerJob } from './color-timer.job';
import { OutboxRelayJob } from './outbox-relay.job';
import { RatingTimerJob } from './rating-timer.job';
import { TICKET_JOB_QUEUE, type TicketJobHandler, TicketJobName } from './ticket-job';
import { TimerSweepJob } from './timer-sweep.job';

/** The handlers of every ticket job, wired to PostgreSQL and the queues they produce to. */
export function createTicketJobHandlers(
  dataSource: DataSource,
  queues: { timers: Queue; notifications: Queue },
): TicketJobHandler[] {
  const timers = new TicketTimerService(dataSource);
  return [
    new OutboxRelayJob(timers, queues.timers),
    new TimerSweepJob(timers, queues.timers),
    new ColorTimerJob(timers, queues.notifications),
    new RatingTimerJob(timers, queues.notifications),
  ];
}

/** Name → handler; fails at start-up when a job has no handler or two, so a worker never starts half-wired. */
export function handlerRegistry(handlers: TicketJobHandler[]): Map<TicketJobName, TicketJobHandler> {
  const registry = new Map<TicketJobName, TicketJobHandler>();
  const problems: string[] = [];
  for (const handler of handlers) {
    if (registry.has(handler.name)) problems.push(`two handlers for job ${handler.name}`);
    registry.set(handler.name, handler);
  }
  for (const name of Object.values(TicketJobName))
    if (!registry.has(name)) problems.push(`no handler for job ${name}`);
  if (problems.length) throw new Error(`Ticket jobs are miswired: ${problems.join('; ')}`);
  return registry;
}

/** The BullMQ processor of one queue: dispatches by job name; an unknown name fails the job (not the worker). */
export function ticketProcessor(registry: Map<TicketJobName, TicketJobHandler>, queue: QueueName) {
  return async (job: Job, token?: string): Promise<unknown> => {
    const handler = registry.get(job.name as TicketJobName);
    if (!handler || TICKET_JOB_QUEUE[handler.name] !== queue)
      throw new Error(`Job ${job.name} does not belong on queue ${queue}`);
    // The map ties each name to its payload; BullMQ hands the job over untyped.
    return handler.process(job.data as never, job as never, token);
  };
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
  const present = await Promise.all(
    [TicketJobName.OUTBOX_RELAY, TicketJobName.TIMER_SWEEP].map((id) => outbox.getJobScheduler(id)),
  );
  if (present.every(Boolean)) return false;
  const done = { removeOnComplete: true, removeOnFail: 100 };
  await outbox.upsertJobScheduler(
    TicketJobName.OUTBOX_RELAY,
    { every: options.relayEveryMs },
    { name: TicketJobName.OUTBOX_RELAY, data: {}, opts: done },
  );
  await outbox.upsertJobScheduler(
    TicketJobName.TIMER_SWEEP,
    { every: options.sweepEveryMs },
    { name: TicketJobName.TIMER_SWEEP, data: {}, opts: done },
  );
  await outbox.add(TicketJobName.TIMER_SWEEP, {}, { ...done, jobId: `${TicketJobName.TIMER_SWEEP}-now-${Date.now()}` });
  return true;
}
