import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import {
  type HotSpots,
  StatsBucket,
  type TicketSpike,
  type TicketStats,
  type TicketStatsPeriod,
} from '@gridgov/ticket-data-access';
import { GridRef } from '../grid/grid-ref.type';
import type { TicketContext } from '../ticket-context';
import {
  TicketHotSpotsType,
  TicketSpikeType,
  TicketStatsPeriodType,
  TicketStatsType,
} from './ticket-stats.type';

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

@Resolver(() => TicketStatsPeriodType)
export class TicketStatsSeriesResolver {
  @Authorized(Permission.TICKET_READ)
  @Query(() => [TicketStatsPeriodType], {
    description:
      'The same figures per day, week or month of [from, to), oldest first, empty periods included.',
  })
  ticketStatsSeries(
    @Ctx() ctx: TicketContext,
    @Arg('scopeCode', () => String) scopeCode: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('bucket', () => StatsBucket) bucket: StatsBucket,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId?: string,
    @Arg('categoryPrefix', () => String, { nullable: true }) categoryPrefix?: string,
  ): Promise<TicketStatsPeriod[]> {
    return ctx.stats.series({ scopeCode, from, to, departmentId, categoryPrefix }, bucket);
  }

  @Authorized(Permission.TICKET_READ)
  @Query(() => TicketHotSpotsType, {
    description: 'Top categories and grids of the tickets reported in [from, to) under a unit or grid.',
  })
  ticketHotSpots(
    @Ctx() ctx: TicketContext,
    @Arg('scopeCode', () => String) scopeCode: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('limit', () => Int, { defaultValue: 10, description: '1 to 50.' }) limit: number,
  ): Promise<HotSpots> {
    return ctx.stats.hotSpots({ scopeCode, from, to }, limit);
  }

  @Authorized(Permission.TICKET_READ)
  @Query(() => [TicketSpikeType], {
    description:
      'Spike alerts: grids with at least `threshold` tickets of one category within `windowHours` before `at` (default now).',
  })
  ticketSpikes(
    @Ctx() ctx: TicketContext,
    @Arg('scopeCode', () => String) scopeCode: string,
    @Arg('threshold', () => Int, { defaultValue: 5 }) threshold: number,
    @Arg('windowHours', () => Int, { defaultValue: 24 }) windowHours: number,
    @Arg('at', () => Date, { nullable: true }) at?: Date,
  ): Promise<TicketSpike[]> {
    return ctx.stats.spikes(scopeCode, threshold, at ?? new Date(), windowHours);
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
