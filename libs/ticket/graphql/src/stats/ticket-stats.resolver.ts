import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import type { TicketStats } from '@gridgov/ticket-data-access';
import { GridRef } from '../grid/grid-ref.type';
import type { TicketContext } from '../ticket-context';
import { TicketStatsType } from './ticket-stats.type';

@Resolver(() => TicketStatsType)
export class TicketStatsResolver {
  @Authorized(Permission.TICKET_READ)
  @Query(() => TicketStatsType, {
    description: 'Statistics of tickets reported in [from, to) under a unit code prefix or a grid code.',
  })
  ticketStats(
    @Ctx() ctx: TicketContext,
    @Arg('scopeCode', () => String) scopeCode: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId?: string,
    @Arg('categoryPrefix', () => String, { nullable: true }) categoryPrefix?: string,
  ): Promise<TicketStats> {
    return ctx.stats.stats({ scopeCode, from, to, departmentId, categoryPrefix });
  }
}

@Resolver(() => GridRef)
export class GridTicketStatsResolver {
  @Authorized(Permission.TICKET_READ)
  @FieldResolver(() => TicketStatsType, {
    nullable: true,
    description: 'Ticket statistics of this grid in [from, to).',
  })
  ticketStats(
    @Root() grid: GridRef,
    @Ctx() ctx: TicketContext,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ): Promise<TicketStats> {
    return ctx.stats.stats({ scopeCode: grid.code, from, to });
  }
}
