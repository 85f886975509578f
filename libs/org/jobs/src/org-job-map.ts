import type { JobNames } from '@gridgov/platform-queue';
import type { DeliverInboxPayload } from './delivery/deliver-inbox.job';
import type { DeliverSmsPayload } from './delivery/deliver-sms.job';
import type { DeliverWebhookPayload } from './delivery/deliver-webhook.job';
import type { NotifyPayload } from './delivery/notify.job';
import type { PruneNotificationReceiptsPayload } from './maintenance/prune-notification-receipts.job';
import type { CouncilMeetingRemindersPayload } from './reminders/council-meeting-reminders.job';
import type { PartyMeetingRemindersPayload } from './reminders/party-meeting-reminders.job';

/** Jobs on QueueName.NOTIFICATIONS: the producers' `notify` and the per-channel deliveries it fans out to. */
export interface NotificationJobMap {
  notify: NotifyPayload;
  'deliver-inbox': DeliverInboxPayload;
  'deliver-sms': DeliverSmsPayload;
  'deliver-webhook': DeliverWebhookPayload;
}

/** org's jobs on QueueName.REMINDERS. */
export interface OrgReminderJobMap {
  'party-meeting-reminders': PartyMeetingRemindersPayload;
  'council-meeting-reminders': CouncilMeetingRemindersPayload;
  'prune-notification-receipts': PruneNotificationReceiptsPayload;
}

export const NOTIFICATION_JOB_NAMES: JobNames<NotificationJobMap> = {
  notify: true,
  'deliver-inbox': true,
  'deliver-sms': true,
  'deliver-webhook': true,
};

export const ORG_REMINDER_JOB_NAMES: JobNames<OrgReminderJobMap> = {
  'party-meeting-reminders': true,
  'council-meeting-reminders': true,
  'prune-notification-receipts': true,
};
