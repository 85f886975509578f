import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { PageArgs, paginate } from '@gridgov/platform-graphql';
import type { TicketContext } from '../ticket-context';
import { pageByReportedAt } from '../ticket/ticket.resolver';
import { TicketConnection, TicketFilterInput } from '../ticket/ticket.type';
import { HouseholdRef } from './household-ref.type';

@Resolver(() => HouseholdRef)
export class HouseholdTicketsResolver {
  @Authorized(Permission.TICKET_READ, Permission.TICKET_REPORT)
  @FieldResolver(() => TicketConnection, {
    nullable: true,
    description:
      'Tickets concerning this household, newest first: those in your ticket:read scope and those you reported.',
  })
  tickets(
    @Root() household: HouseholdRef,
    @Ctx() ctx: TicketContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TicketFilterInput, { nullable: true }) filter?: TicketFilterInput,
  ) {
    return paginate(ctx.tickets.listByHouseholdQuery(household.id, filter ?? {}), page, pageByReportedAt);
  }
}
