import type { Queue } from 'bullmq';
import type { Role } from '@gridgov/platform-auth';

/**
 * The contract between every producer of notifications (ticket-worker, reminder jobs, services) and
 * the delivery worker. Only ids, a template key and non-personal parameters travel through Redis;
 * the delivering side resolves recipients and renders the text from its own data.
 */
export enum NotificationChannel {
  INBOX = 'INBOX',
  SMS = 'SMS',
  WEBHOOK = 'WEBHOOK',
}

/** Who receives it; the delivery worker expands roles and departments into accounts (org data). */
export interface NotificationRecipients {
  accountIds?: string[];
  /** Every handler account of these departments; also the departments whose webhooks are called. */
  departmentIds?: string[];
  /** Accounts holding a LEADER grant whose scope covers this unit code. */
  leadersOfUnitCode?: string;
  /** Accounts holding `role` with a grant scope covering `code` (grid workers of a grid, party admins of a unit). */
  roleHolders?: { role: Role; code: string }[];
}

export interface NotificationJob {
  /** Stable and unique per notification: becomes the BullMQ jobId, so a repeated producer notifies once. */
  notificationId: string;
  /** UPPER_SNAKE_CASE template key, e.g. TICKET_COLOR_RED; also the inbox `kind`. */
  template: string;
  recipients: NotificationRecipients;
  /** Non-personal values the template needs (ticket number, colour, deadline ISO time…). */
  params: Record<string, string | number>;
  /** Where the inbox entry links to, e.g. `ticket:<id>`. */
  link?: string;
  channels: NotificationChannel[];
}

/** Finished jobs stay a week (failed ones a month): long enough to ignore a repeated id, short enough to bound Redis. */
export const KEEP_FINISHED = { removeOnComplete: { age: 7 * 86_400 }, removeOnFail: { age: 30 * 86_400 } } as const;

/** The job name producers use on QueueName.NOTIFICATIONS; the worker fans it out into one job per channel. */
export const NOTIFY_JOB = 'notify';

/**
 * Puts a notification on the NOTIFICATIONS queue under its `notificationId`, so producing the same
 * notification twice (a retried timer, a re-run schedule) delivers it once.
 */
export async function enqueueNotification(queue: Queue, notification: NotificationJob): Promise<void> {
  await queue.add(NOTIFY_JOB, checked(notification), notifyOptions(notification));
}

/**
 * `enqueueNotification` for a batch (a schedule's reminders) in one Redis round trip; each keeps its
 * `notificationId` as jobId, so ids already queued are still ignored. Checks all before adding any.
 */
export async function enqueueNotifications(queue: Queue, notifications: NotificationJob[]): Promise<void> {
  const jobs = notifications.map((n) => ({ name: NOTIFY_JOB, data: checked(n), opts: notifyOptions(n) }));
  if (jobs.length) await queue.addBulk(jobs);
}

function checked(notification: NotificationJob): NotificationJob {
  if (!/^[A-Z][A-Z0-9_]{1,31}$/.test(notification.template))
    throw new Error(`notification template ${notification.template} is not UPPER_SNAKE_CASE`);
  if (notification.channels.length === 0) throw new Error('a notification needs at least one channel');
  return notification;
}

const notifyOptions = (notification: NotificationJob) => ({ jobId: notification.notificationId, ...KEEP_FINISHED });
