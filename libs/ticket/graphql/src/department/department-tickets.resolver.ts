import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { PageArgs, paginate } from '@gridgov/platform-graphql';
import type { TicketContext } from '../ticket-context';
import { pageByReportedAt } from '../ticket/ticket.resolver';
import { TicketConnection, TicketFilterInput } from '../ticket/ticket.type';
import { DepartmentRef } from './department-ref.type';

@Resolver(() => DepartmentRef)
export class DepartmentTicketsResolver {
  @Authorized(Permission.TICKET_READ)
  @FieldResolver(() => TicketConnection, {
    nullable: true,
    description:
      "Tickets dispatched to this department, newest first: all of them for its handlers, those in the caller's scope for unit staff.",
  })
  tickets(
    @Root() department: DepartmentRef,
    @Ctx() ctx: TicketContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TicketFilterInput, { nullable: true }) filter?: TicketFilterInput,
  ) {
    return paginate(ctx.tickets.listByDepartmentQuery(department.id, filter ?? {}), page, pageByReportedAt);
  }
}
