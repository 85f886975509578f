import type { Queue } from 'bullmq';
import {
  type HandlerOf,
  KEEP_FINISHED,
  NotificationChannel,
  type NotificationJob,
} from '@gridgov/platform-queue';
import type { NotificationJobMap } from '../org-job-map';

export type NotifyPayload = NotificationJob;

export interface ChannelRetry {
  attempts: number;
  /** First back-off delay; each further attempt waits twice as long. */
  backoffMs: number;
}

/**
 * Fans a notification out into one job per channel (and per department webhook), each with its own
 * attempts and exponential back-off, so a failing channel delays and blocks none of the others.
 * Touches only Redis: it cannot fail on the database.
 */
export class NotifyJob implements HandlerOf<NotificationJobMap, 'notify'> {
  readonly name = 'notify';

  constructor(
    private readonly notifications: Queue,
    private readonly retry: ChannelRetry,
  ) {}

  async run(notification: NotifyPayload): Promise<void> {
    const opts = (channel: string) => ({
      jobId: `${notification.notificationId}|${channel}`,
      attempts: this.retry.attempts,
      backoff: { type: 'exponential', delay: this.retry.backoffMs },
      ...KEEP_FINISHED,
    });
    const channels = new Set(notification.channels);
    const jobs = [
      ...(channels.has(NotificationChannel.INBOX)
        ? [{ name: 'deliver-inbox', data: notification, opts: opts('INBOX') }]
        : []),
      ...(channels.has(NotificationChannel.SMS)
        ? [{ name: 'deliver-sms', data: notification, opts: opts('SMS') }]
        : []),
      ...(channels.has(NotificationChannel.WEBHOOK)
        ? (notification.recipients.departmentIds ?? []).map((departmentId) => ({
            name: 'deliver-webhook',
            data: { notification, departmentId },
            opts: opts(`WEBHOOK|${departmentId}`),
          }))
        : []),
    ];
    await this.notifications.addBulk(jobs);
  }
}
