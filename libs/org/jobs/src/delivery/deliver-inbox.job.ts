import type { DataSource } from 'typeorm';
import { NotificationDeliveryService } from '@gridgov/org-data-access';
import type { HandlerOf, NotificationJob } from '@gridgov/platform-queue';
import { renderNotification } from '../notification-templates';
import type { NotificationJobMap } from '../org-job-map';

export type DeliverInboxPayload = NotificationJob;

/** Inbox entries for every account the recipients expand to; a retry skips accounts already served. */
export class DeliverInboxJob implements HandlerOf<NotificationJobMap, 'deliver-inbox'> {
  readonly name = 'deliver-inbox';

  constructor(private readonly dataSource: DataSource) {}

  async run(notification: DeliverInboxPayload): Promise<{ delivered: number }> {
    const delivery = new NotificationDeliveryService(this.dataSource);
    const accountIds = await delivery.expand(notification.recipients);
    const delivered = await delivery.deliverToInbox(
      notification.notificationId,
      accountIds,
      renderNotification(notification),
    );
    return { delivered };
  }
}
