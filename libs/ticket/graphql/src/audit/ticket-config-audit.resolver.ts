import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { PageArgs, paginate } from '@gridgov/platform-graphql';
import type { TicketContext } from '../ticket-context';
import {
  TicketConfigurationChangeConnection,
  TicketConfigurationChangeFilterInput,
  TicketConfigurationChangeType,
} from './ticket-config-audit.type';

/** The audit of configuration changes, for admins with audit:read (as the account audit). */
@Resolver(() => TicketConfigurationChangeType)
export class TicketConfigAuditResolver {
  @Authorized(Permission.AUDIT_READ)
  @Query(() => TicketConfigurationChangeConnection, {
    description:
      'Changes to SLA policies, the working calendar, the catalogue and responsibility lists within your audit scope, newest first. Platform-wide changes need a platform-wide grant.',
  })
  ticketConfigurationChanges(
    @Ctx() ctx: TicketContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TicketConfigurationChangeFilterInput, { nullable: true })
    filter?: TicketConfigurationChangeFilterInput,
  ) {
    return paginate(ctx.configAudit.query(filter ?? {}), page, {
      column: 'change.at',
      value: (change) => change.at,
      direction: 'DESC',
    });
  }
}
