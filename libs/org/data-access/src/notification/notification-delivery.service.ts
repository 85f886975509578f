import { DataSource, In } from 'typeorm';
import { AuthContext, Role } from '@gridgov/platform-auth';
import type { NotificationRecipients } from '@gridgov/platform-queue';
import {
  DepartmentWebhookEntity,
  NotificationContactEntity,
  NotificationReceiptEntity,
} from './notification-channel.entity';
import { type NotificationContent, NotificationService } from './notification.service';

/**
 * What the delivery worker needs from org data: who the recipients are, their phones, departments'
 * webhooks, and receipts so a retried delivery skips recipients already served. Trusted code only.
 */
export class NotificationDeliveryService {
  constructor(private readonly dataSource: DataSource) {}

  /** Enabled accounts named by the recipients: ids, department handlers, holders of a role covering a code. */
  async expand(recipients: NotificationRecipients): Promise<string[]> {
    const holders = [
      ...(recipients.roleHolders ?? []),
      ...(recipients.leadersOfUnitCode ? [{ role: Role.LEADER, code: recipients.leadersOfUnitCode }] : []),
    ];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT a.id FROM account a
        WHERE NOT a.disabled AND (
          a.id = ANY ($1::uuid[])
          OR EXISTS (SELECT 1 FROM role_grant g WHERE g.account_id = a.id AND g.department_id = ANY ($2::uuid[]))
          OR EXISTS (SELECT 1 FROM role_grant g
                       JOIN unnest($3::text[], $4::text[]) AS h(role, code)
                         ON g.role = h.role AND h.code LIKE g.scope_code || '%'
                      WHERE g.account_id = a.id))
        ORDER BY a.id`,
      [
        recipients.accountIds ?? [],
        recipients.departmentIds ?? [],
        holders.map((h) => h.role),
        holders.map((h) => h.code),
      ],
    );
    return rows.map((r) => r.id);
  }

  /** Puts the notification into each account's inbox once, however often the job runs. */
  async deliverToInbox(
    notificationId: string,
    accountIds: string[],
    content: NotificationContent,
  ): Promise<number> {
    const inbox = new NotificationService(this.dataSource, new AuthContext({ accountId: null, grants: [] }));
    const pending = await this.undelivered(notificationId, 'INBOX', accountIds);
    if (pending.length === 0) return 0;
    // Entries and receipts together, in one insert each: a retry never doubles an entry.
    await this.dataSource.transaction(async (manager) => {
      await inbox.deliverToAll(pending, content, manager);
      await manager
        .getRepository(NotificationReceiptEntity)
        .insert(pending.map((recipient) => ({ notificationId, channel: 'INBOX', recipient })));
    });
    return pending.length;
  }

  /** SMS-enabled phones of these accounts. */
  async phonesOf(accountIds: string[]): Promise<{ accountId: string; phone: string }[]> {
    if (accountIds.length === 0) return [];
    const contacts = await this.dataSource
      .getRepository(NotificationContactEntity)
      .findBy({ accountId: In(accountIds), smsEnabled: true });
    return contacts.map((c) => ({ accountId: c.accountId, phone: c.phone }));
  }

  async webhookOf(departmentId: string): Promise<{ url: string; secret: string } | null> {
    return this.dataSource
      .getRepository(DepartmentWebhookEntity)
      .createQueryBuilder('hook')
      .addSelect('hook.secret')
      .where('hook.departmentId = :departmentId AND hook.enabled', { departmentId })
      .getOne();
  }

  /** The recipients not yet served through the channel. */
  async undelivered(notificationId: string, channel: string, recipients: string[]): Promise<string[]> {
    if (recipients.length === 0) return [];
    const done = await this.dataSource
      .getRepository(NotificationReceiptEntity)
      .findBy({ notificationId, channel, recipient: In(recipients) });
    const served = new Set(done.map((r) => r.recipient));
    return recipients.filter((r) => !served.has(r));
  }

  async markDelivered(notificationId: string, channel: string, recipient: string): Promise<void> {
    await this.dataSource
      .getRepository(NotificationReceiptEntity)
      .upsert({ notificationId, channel, recipient }, ['notificationId', 'channel', 'recipient']);
  }

  /**
   * Deletes receipts delivered before `before`, `batchSize` rows per statement so no statement holds
   * locks on a large part of the table; returns how many were deleted.
   */
  async pruneReceipts(before: Date, batchSize: number): Promise<number> {
    let deleted = 0;
    for (;;) {
      const [, count]: [unknown, number] = await this.dataSource.query(
        `DELETE FROM notification_receipt
          WHERE ctid = ANY (ARRAY(SELECT ctid FROM notification_receipt WHERE delivered_at < $1 LIMIT $2))`,
        [before, batchSize],
      );
      deleted += count;
      if (count < batchSize) return deleted;
    }
  }
}
