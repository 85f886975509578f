import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { NotificationChannelService } from '@gridgov/org-data-access';
import { Permission } from '@gridgov/platform-auth';
import type { OrgContext } from '../org-context';
import {
  DepartmentWebhookInput,
  DepartmentWebhookType,
  NotificationContactType,
} from './notification-channel.type';

/** Channels besides the inbox: department webhooks (unit managers) and one's own SMS phone. */
@Resolver()
export class NotificationChannelResolver {
  @Authorized(Permission.UNIT_MANAGE)
  @Mutation(() => DepartmentWebhookType, {
    description: 'Sets (or replaces) the webhook of a department in your unit:manage scope.',
  })
  setDepartmentWebhook(
    @Ctx() ctx: OrgContext,
    @Arg('input', () => DepartmentWebhookInput) input: DepartmentWebhookInput,
  ) {
    return new NotificationChannelService(ctx.dataSource, ctx.auth, ctx.webhookTargets).setDepartmentWebhook(input);
  }

  @Authorized()
  @Mutation(() => NotificationContactType, {
    nullable: true,
    description: 'Your SMS phone; null removes it.',
  })
  setNotificationContact(
    @Ctx() ctx: OrgContext,
    @Arg('phone', () => String, { nullable: true }) phone: string | null,
    @Arg('smsEnabled', () => Boolean, { defaultValue: true }) smsEnabled: boolean,
  ) {
    return new NotificationChannelService(ctx.dataSource, ctx.auth).setOwnContact(phone ?? null, smsEnabled);
  }

  @Authorized()
  @Query(() => NotificationContactType, { nullable: true })
  myNotificationContact(@Ctx() ctx: OrgContext) {
    return new NotificationChannelService(ctx.dataSource, ctx.auth).ownContact();
  }
}
