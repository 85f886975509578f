import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import {
  AccountEntity,
  DepartmentEntity,
  DepartmentWebhookEntity,
  NotificationContactEntity,
} from '@gridgov/org-data-access';
import { enqueueNotification, NotificationChannel } from '@gridgov/platform-queue';

/**
 * Loopback, where nothing listens: the demo webhook is refused as an internal target (or, with
 * WEBHOOK_ALLOW_PRIVATE_HOSTS, fails every attempt) and ends in the dead-letter queue.
 */
export const DEMO_UNREACHABLE_WEBHOOK = 'http://127.0.0.1:9/gridgov-webhook';

/**
 * Demo of the channels (after org's demo seed): zhuhai.gw1 gets an SMS contact, the urban-management
 * department a webhook that cannot be reached, and one notification to both goes out on all channels:
 * an inbox entry, a line in the SMS sink, and a dead-letter entry for operators to replay.
 */
export async function seedNotificationDemo(dataSource: DataSource, notifications: Queue): Promise<boolean> {
  const worker = await dataSource.getRepository(AccountEntity).findOneBy({ username: 'zhuhai.gw1' });
  const department = await dataSource
    .getRepository(DepartmentEntity)
    .findOneBy({ unitCode: '520303000000', name: '汇川区综合行政执法局（城管）' });
  if (!worker || !department) return false;
  await dataSource
    .getRepository(NotificationContactEntity)
    .upsert({ accountId: worker.id, phone: '13800000001' }, ['accountId']);
  await dataSource
    .getRepository(DepartmentWebhookEntity)
    .upsert({ departmentId: department.id, url: DEMO_UNREACHABLE_WEBHOOK, secret: 'demo-webhook-secret' }, [
      'departmentId',
    ]);
  await enqueueNotification(notifications, {
    notificationId: 'demo-channels-1',
    template: 'DEMO_CHANNELS',
    recipients: { accountIds: [worker.id], departmentIds: [department.id] },
    params: { message: '这是一条演示通知：站内信、短信和部门系统回调各走各的通道' },
    link: '/notifications',
    channels: [NotificationChannel.INBOX, NotificationChannel.SMS, NotificationChannel.WEBHOOK],
  });
  return true;
}
