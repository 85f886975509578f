import type { DataSource } from 'typeorm';
import { NotificationDeliveryService } from '@gridgov/org-data-access';
import {
  type HandlerOf,
  type NotificationJob,
  postSignedWebhook,
  type WebhookTargetPolicy,
} from '@gridgov/platform-queue';
import { renderNotification } from '../notification-templates';
import type { NotificationJobMap } from '../org-job-map';

export interface DeliverWebhookPayload {
  notification: NotificationJob;
  departmentId: string;
}

/**
 * A signed POST to one department's system; departments without a webhook are skipped. A target the
 * policy refuses (checked again at each delivery: DNS answers change) fails at once, without retries.
 */
export class DeliverWebhookJob implements HandlerOf<NotificationJobMap, 'deliver-webhook'> {
  readonly name = 'deliver-webhook';

  constructor(
    private readonly dataSource: DataSource,
    private readonly timeoutMs: number,
    private readonly targets: WebhookTargetPolicy,
  ) {}

  async run({ notification, departmentId }: DeliverWebhookPayload): Promise<{ posted: boolean }> {
    const hook = await new NotificationDeliveryService(this.dataSource).webhookOf(departmentId);
    if (!hook) return { posted: false };
    const { title, body } = renderNotification(notification);
    await postSignedWebhook(
      hook.url,
      hook.secret,
      {
        notificationId: notification.notificationId,
        template: notification.template,
        departmentId,
        title,
        body,
        params: notification.params,
        link: notification.link ?? null,
      },
      { targets: this.targets, timeoutMs: this.timeoutMs },
    );
    return { posted: true };
  }
}
