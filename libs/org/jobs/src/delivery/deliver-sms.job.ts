import type { DataSource } from 'typeorm';
import { NotificationDeliveryService } from '@gridgov/org-data-access';
import type { HandlerOf, NotificationJob, SmsSender } from '@gridgov/platform-queue';
import { renderNotification } from '../notification-templates';
import type { NotificationJobMap } from '../org-job-map';

export type DeliverSmsPayload = NotificationJob;

/** A text to each recipient account with an SMS contact; phones are read here, never put in Redis. */
export class DeliverSmsJob implements HandlerOf<NotificationJobMap, 'deliver-sms'> {
  readonly name = 'deliver-sms';

  constructor(
    private readonly dataSource: DataSource,
    private readonly sms: SmsSender,
  ) {}

  async run(notification: DeliverSmsPayload): Promise<{ sent: number }> {
    const delivery = new NotificationDeliveryService(this.dataSource);
    const contacts = await delivery.phonesOf(await delivery.expand(notification.recipients));
    const pending = new Set(
      await delivery.undelivered(
        notification.notificationId,
        'SMS',
        contacts.map((c) => c.accountId),
      ),
    );
    const { title, body } = renderNotification(notification);
    let sent = 0;
    for (const contact of contacts.filter((c) => pending.has(c.accountId))) {
      await this.sms.send({
        phone: contact.phone,
        text: `【GridGov】${title} ${body}`,
        reference: `${notification.notificationId}.${contact.accountId}`,
      });
      await delivery.markDelivered(notification.notificationId, 'SMS', contact.accountId);
      sent += 1;
    }
    return { sent };
  }
}
