import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { PageArgs, paginate } from '@gridgov/platform-graphql';
import type { TicketContext } from '../ticket-context';
import { pageByReportedAt } from '../ticket/ticket.resolver';
import { TicketConnection, TicketFilterInput } from '../ticket/ticket.type';
import { GridRef } from './grid-ref.type';

@Resolver(() => GridRef)
export class GridTicketsResolver {
  @Authorized(Permission.TICKET_READ)
  @FieldResolver(() => TicketConnection, {
    nullable: true,
    description: 'Tickets of this grid, newest first (needs ticket:read in its scope).',
  })
  tickets(
    @Root() grid: GridRef,
    @Ctx() ctx: TicketContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TicketFilterInput, { nullable: true }) filter?: TicketFilterInput,
  ) {
    return paginate(ctx.tickets.listByGridQuery(grid.code, filter ?? {}), page, pageByReportedAt);
  }
}
