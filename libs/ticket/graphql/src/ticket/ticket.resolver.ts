import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { PageArgs, paginate } from '@gridgov/platform-graphql';
import type { TicketEntity, TicketEventEntity } from '@gridgov/ticket-data-access';
import { AccountRef } from '../account/account-ref.type';
import { GridRef } from '../grid/grid-ref.type';
import type { TicketContext } from '../ticket-context';
import {
  ReportTicketInput,
  TicketConnection,
  TicketEventType,
  TicketFilterInput,
  TicketLocationType,
  TicketType,
} from './ticket.type';

/** Newest first; shared by `tickets(gridCode:)` and `Grid.tickets`. */
export const pageByReportedAt = {
  column: 'ticket.reportedAt',
  value: (t: TicketEntity) => t.reportedAt,
  direction: 'DESC' as const,
};

@Resolver(() => TicketType)
export class TicketResolver {
  @Authorized(Permission.TICKET_READ)
  @Query(() => TicketType)
  ticket(@Ctx() ctx: TicketContext, @Arg('id', () => ID) id: string): Promise<TicketEntity> {
    return ctx.tickets.get(id);
  }

  @Authorized(Permission.TICKET_READ)
  @Query(() => TicketConnection, { description: 'Tickets of one grid, newest first.' })
  tickets(
    @Ctx() ctx: TicketContext,
    @Arg('gridCode', () => String) gridCode: string,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => TicketFilterInput, { nullable: true }) filter?: TicketFilterInput,
  ) {
    return paginate(ctx.tickets.listByGridQuery(gridCode, filter ?? {}), page, pageByReportedAt);
  }

  @Authorized(Permission.TICKET_REPORT)
  @Mutation(() => TicketType, {
    description: 'Reports a matter in a grid; it starts REPORTED (or RESOLVED when handled on site).',
  })
  reportTicket(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => ReportTicketInput) input: ReportTicketInput,
  ): Promise<TicketEntity> {
    return ctx.tickets.report(input);
  }

  @FieldResolver(() => TicketLocationType, { nullable: true })
  location(@Root() ticket: TicketEntity): TicketLocationType | null {
    return ticket.longitude === null || ticket.latitude === null
      ? null
      : { longitude: ticket.longitude, latitude: ticket.latitude };
  }

  @FieldResolver(() => GridRef, { nullable: true, description: 'The grid (from grid-service).' })
  grid(@Root() ticket: TicketEntity): GridRef {
    return { code: ticket.gridCode };
  }

  @FieldResolver(() => AccountRef, {
    nullable: true,
    description: 'Who reported it (null when you may not see the account).',
  })
  reporter(@Root() ticket: TicketEntity): AccountRef {
    return { id: ticket.reporterId };
  }

  @FieldResolver(() => [TicketEventType], {
    description: 'Every status change, oldest first; the first entry is the report.',
  })
  timeline(@Root() ticket: TicketEntity, @Ctx() ctx: TicketContext): Promise<TicketEventEntity[]> {
    return ctx.loaders.timelineByTicketId.load(ticket.id);
  }
}

@Resolver(() => TicketEventType)
export class TicketEventResolver {
  @FieldResolver(() => AccountRef, { nullable: true })
  actor(@Root() event: TicketEventEntity): AccountRef {
    return { id: event.actorId };
  }
}
