import { DataSource, type EntityManager, In, IsNull, Repository, type SelectQueryBuilder } from 'typeorm';
import { AuthContext } from '@gridgov/platform-auth';
import { InputProblems } from '@gridgov/platform-errors';
import { NotificationEntity } from './notification.entity';

export interface NotificationContent {
  kind: string;
  title: string;
  body: string;
  link?: string | null;
}

/** Each account's inbox. Reading is always the caller's own inbox; delivery is for workers and services. */
export class NotificationService {
  private readonly notifications: Repository<NotificationEntity>;

  constructor(
    dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {
    this.notifications = dataSource.getRepository(NotificationEntity);
  }

  /**
   * Puts a notification into an account's inbox. No permission check: it is called by trusted code
   * (workers, other org services), never straight from a resolver.
   */
  async deliver(accountId: string, content: NotificationContent): Promise<NotificationEntity> {
    const [delivered] = await this.deliverToAll([accountId], content);
    return delivered;
  }

  /** The same notification into many inboxes: one check, one insert; `manager` joins a caller's transaction. */
  async deliverToAll(
    accountIds: string[],
    content: NotificationContent,
    manager: EntityManager = this.notifications.manager,
  ): Promise<NotificationEntity[]> {
    const kind = content.kind.trim();
    const title = content.title.trim();
    new InputProblems()
      .check(/^[A-Z][A-Z0-9_]{1,31}$/.test(kind), 'kind', 'must be UPPER_SNAKE_CASE, at most 32 characters')
      .check(title.length >= 1 && title.length <= 200, 'title', 'must be 1 to 200 characters')
      .check((content.link ?? '').length <= 500, 'link', 'must be at most 500 characters')
      .throwIfAny();
    const rows = accountIds.map((accountId) =>
      manager.create(NotificationEntity, {
        accountId,
        kind,
        title,
        body: content.body,
        link: content.link ?? null,
      }),
    );
    return manager.save(NotificationEntity, rows);
  }

  /** The caller's inbox, newest first; the caller pages it. */
  inboxQuery(unreadOnly: boolean): SelectQueryBuilder<NotificationEntity> {
    const query = this.notifications
      .createQueryBuilder('notification')
      .where('notification.accountId = :accountId', { accountId: this.auth.accountId });
    if (unreadOnly) query.andWhere('notification.readAt IS NULL');
    return query;
  }

  async unreadCount(): Promise<number> {
    return this.notifications.countBy({ accountId: this.auth.accountId, readAt: IsNull() });
  }

  /** Marks the given notifications (or all when `ids` is omitted) read; others' notifications are untouched. */
  async markRead(ids: string[] | null | undefined): Promise<number> {
    const where = { accountId: this.auth.accountId, readAt: IsNull(), ...(ids ? { id: In(ids) } : {}) };
    const result = await this.notifications.update(where, { readAt: new Date() });
    return result.affected ?? 0;
  }
}
