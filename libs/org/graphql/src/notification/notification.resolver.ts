import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { PageArgs, paginate } from '@gridgov/platform-graphql';
import type { NotificationEntity } from '@gridgov/org-data-access';
import type { OrgContext } from '../org-context';
import { NotificationConnection, NotificationType } from './notification.type';

/** The caller's own inbox; delivery happens in NotificationService.deliver (workers). */
@Resolver(() => NotificationType)
export class NotificationResolver {
  @Authorized()
  @Query(() => NotificationConnection, { description: 'Your inbox, newest first.' })
  notifications(
    @Ctx() ctx: OrgContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly: boolean,
  ) {
    return paginate(ctx.notifications.inboxQuery(unreadOnly), page, {
      column: 'notification.createdAt',
      value: (n) => n.createdAt,
      direction: 'DESC',
    });
  }

  @Authorized()
  @Query(() => Int)
  unreadNotificationCount(@Ctx() ctx: OrgContext) {
    return ctx.notifications.unreadCount();
  }

  @Authorized()
  @Mutation(() => Int, {
    description:
      'Marks the given (or, without ids, all) of your notifications read; returns how many changed.',
  })
  markNotificationsRead(@Ctx() ctx: OrgContext, @Arg('ids', () => [ID], { nullable: true }) ids?: string[]) {
    return ctx.notifications.markRead(ids);
  }

  @FieldResolver(() => Boolean)
  read(@Root() notification: NotificationEntity) {
    return notification.readAt !== null;
  }
}
