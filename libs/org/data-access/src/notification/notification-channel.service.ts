import { DataSource } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, InputProblems, isUuid } from '@gridgov/platform-errors';
import { STRICT_WEBHOOK_TARGETS, type WebhookTargetPolicy, webhookUrlProblem } from '@gridgov/platform-queue';
import { DepartmentEntity } from '../department/department.entity';
import { DepartmentWebhookEntity, NotificationContactEntity } from './notification-channel.entity';

export interface DepartmentWebhookInput {
  departmentId: string;
  url: string;
  secret: string;
  enabled?: boolean | null;
}

/** Where notifications go besides the inbox: a department's webhook (unit managers), one's own SMS phone. */
export class NotificationChannelService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
    /** Where webhooks may point: public https hosts unless the deployment allows more. */
    private readonly webhookTargets: WebhookTargetPolicy = STRICT_WEBHOOK_TARGETS,
  ) {}

  /** Needs unit:manage on the department's unit. The secret is write-only: it is never read back. */
  async setDepartmentWebhook(input: DepartmentWebhookInput): Promise<DepartmentWebhookEntity> {
    const url = input.url.trim();
    const problems = new InputProblems().check(url.length <= 500, 'input.url', 'must be at most 500 characters');
    const urlProblem = /\s/.test(url) ? 'must not contain spaces' : webhookUrlProblem(url, this.webhookTargets);
    if (urlProblem) problems.add('input.url', urlProblem);
    problems
      .check(
        input.secret.length >= 16 && input.secret.length <= 200,
        'input.secret',
        'must be 16 to 200 characters',
      )
      .throwIfAny();
    const department = isUuid(input.departmentId)
      ? await this.dataSource.getRepository(DepartmentEntity).findOneBy({ id: input.departmentId })
      : null;
    if (!department) throw badInput('input.departmentId', `no department has id ${input.departmentId}`);
    this.auth.assert(Permission.UNIT_MANAGE, department.unitCode);
    const hooks = this.dataSource.getRepository(DepartmentWebhookEntity);
    await hooks.upsert(
      { departmentId: department.id, url, secret: input.secret, enabled: input.enabled ?? true },
      ['departmentId'],
    );
    return hooks.findOneByOrFail({ departmentId: department.id });
  }

  /** The caller's phone for SMS notifications; a null phone removes it. */
  async setOwnContact(phone: string | null, smsEnabled: boolean): Promise<NotificationContactEntity | null> {
    const accountId = this.auth.accountId;
    const contacts = this.dataSource.getRepository(NotificationContactEntity);
    if (phone === null) {
      await contacts.delete({ accountId });
      return null;
    }
    const normalised = phone.replace(/[\s-]/g, '');
    if (!/^\+?\d{5,15}$/.test(normalised)) throw badInput('phone', 'must be 5 to 15 digits');
    await contacts.upsert({ accountId, phone: normalised, smsEnabled }, ['accountId']);
    return contacts.findOneByOrFail({ accountId });
  }

  ownContact(): Promise<NotificationContactEntity | null> {
    return this.dataSource
      .getRepository(NotificationContactEntity)
      .findOneBy({ accountId: this.auth.accountId });
  }
}
