import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import {
  DeadLetterQueue,
  type JobHandler,
  jobHandlerTable,
  type JobObserver,
  QueueName,
  RedisConnections,
  type SmsSender,
  startJobWorker,
  STRICT_WEBHOOK_TARGETS,
  type WebhookTargetPolicy,
} from '@gridgov/platform-queue';
import { Queue as BullQueue } from 'bullmq';
import { DeliverInboxJob } from './delivery/deliver-inbox.job';
import { DeliverSmsJob } from './delivery/deliver-sms.job';
import { DeliverWebhookJob } from './delivery/deliver-webhook.job';
import { type ChannelRetry, NotifyJob } from './delivery/notify.job';
import { PruneNotificationReceiptsJob } from './maintenance/prune-notification-receipts.job';
import { NOTIFICATION_JOB_NAMES } from './org-job-map';
import { CouncilMeetingRemindersJob } from './reminders/council-meeting-reminders.job';
import { PartyMeetingRemindersJob } from './reminders/party-meeting-reminders.job';

export type { ChannelRetry } from './delivery/notify.job';
export { renderNotification } from './notification-templates';
export { DEMO_UNREACHABLE_WEBHOOK, seedNotificationDemo } from './demo/notification-demo.seed';
export {
  NOTIFICATION_JOB_NAMES,
  type NotificationJobMap,
  ORG_REMINDER_JOB_NAMES,
  type OrgReminderJobMap,
} from './org-job-map';
export {
  type PruneNotificationReceiptsPayload,
  upsertReceiptPruneSchedule,
} from './maintenance/prune-notification-receipts.job';
export type { CouncilMeetingRemindersPayload } from './reminders/council-meeting-reminders.job';
export type { PartyMeetingRemindersPayload } from './reminders/party-meeting-reminders.job';

export interface OrgJobDeps {
  /** The org schema. */
  dataSource: DataSource;
  /** Producer side of QueueName.NOTIFICATIONS (fan-out and reminders enqueue here). */
  notifications: Queue;
  sms: SmsSender;
  retry: ChannelRetry;
  webhookTimeoutMs: number;
  /** Where webhooks may go; default: public https hosts only. */
  webhookTargets?: WebhookTargetPolicy;
}

/** Handlers of QueueName.NOTIFICATIONS, one per name of NotificationJobMap. */
export const notificationHandlers = (deps: OrgJobDeps): JobHandler<never>[] => [
  new NotifyJob(deps.notifications, deps.retry),
  new DeliverInboxJob(deps.dataSource),
  new DeliverSmsJob(deps.dataSource, deps.sms),
  new DeliverWebhookJob(deps.dataSource, deps.webhookTimeoutMs, deps.webhookTargets ?? STRICT_WEBHOOK_TARGETS),
];

/** org's handlers on QueueName.REMINDERS (the worker app joins them with grid's). */
export const orgReminderHandlers = (
  deps: Pick<OrgJobDeps, 'dataSource' | 'notifications'>,
): JobHandler<never>[] => [
  new PartyMeetingRemindersJob(deps.dataSource, deps.notifications),
  new CouncilMeetingRemindersJob(deps.dataSource, deps.notifications),
  new PruneNotificationReceiptsJob(deps.dataSource),
];

/**
 * Notification delivery in this process: for tests of other contexts (the ticket-worker e2e) and
 * anything that wants inbox/SMS/webhook delivery without the reminder-worker app.
 */
export async function runNotificationDelivery(options: {
  dataSource: DataSource;
  redisUrl: string;
  prefix: string;
  sms: SmsSender;
  retry?: ChannelRetry;
  concurrency?: number;
  webhookTimeoutMs?: number;
  webhookTargets?: WebhookTargetPolicy;
  observer?: JobObserver;
}): Promise<{ notifications: Queue; deadLetters: DeadLetterQueue; close(): Promise<void> }> {
  const connections = new RedisConnections(options.redisUrl);
  const producer = connections.get('producer');
  const notifications = new BullQueue(QueueName.NOTIFICATIONS, {
    connection: producer,
    prefix: options.prefix,
  });
  const deadLetters = new DeadLetterQueue(producer, options.prefix);
  const handlers = jobHandlerTable(
    NOTIFICATION_JOB_NAMES,
    notificationHandlers({
      dataSource: options.dataSource,
      notifications,
      sms: options.sms,
      retry: options.retry ?? { attempts: 5, backoffMs: 1_000 },
      webhookTimeoutMs: options.webhookTimeoutMs ?? 5_000,
      webhookTargets: options.webhookTargets,
    }),
  );
  const running = startJobWorker({
    queue: QueueName.NOTIFICATIONS,
    handlers,
    connection: connections.get('worker'),
    prefix: options.prefix,
    concurrency: options.concurrency ?? 4,
    observer: options.observer,
  });
  return {
    notifications,
    deadLetters,
    async close() {
      await running.close();
      await notifications.close();
      await deadLetters.close();
      connections.disconnectAll();
    },
  };
}
