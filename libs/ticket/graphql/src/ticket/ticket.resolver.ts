import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { PageArgs, paginate } from '@gridgov/platform-graphql';
import {
  allowedActions,
  SupervisionColor,
  supervisionColor,
  TicketAction,
  type TicketCategoryEntity,
  type TicketDispatchEntity,
  type TicketEntity,
  type TicketEventEntity,
} from '@gridgov/ticket-data-access';
import { TicketAttributeValueType, TicketCategoryType } from '../catalogue/ticket-category.type';
import { TicketDispatchType } from '../workflow/ticket-workflow.type';
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

  @FieldResolver(() => TicketCategoryType, {
    nullable: true,
    description: 'The catalogue entry of `categoryCode` (name, default mode, extra fields).',
  })
  category(@Root() ticket: TicketEntity, @Ctx() ctx: TicketContext): Promise<TicketCategoryEntity | null> {
    return ctx.loaders.categoryByCode.load(ticket.categoryCode);
  }

  @FieldResolver(() => [TicketAttributeValueType], { description: "Answers to the category's extra fields." })
  attributes(@Root() ticket: TicketEntity): TicketAttributeValueType[] {
    return Object.entries(ticket.attributes).map(([code, values]) => ({ code, values }));
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

  @FieldResolver(() => SupervisionColor)
  supervisionColor(@Root() ticket: TicketEntity): SupervisionColor {
    return supervisionColor(ticket, new Date(), ticket.supervised);
  }

  @FieldResolver(() => AccountRef, {
    nullable: true,
    description: 'The staff member who accepted it first and owns it (首问负责).',
  })
  owner(@Root() ticket: TicketEntity): AccountRef | null {
    return ticket.ownerAccountId ? { id: ticket.ownerAccountId } : null;
  }

  @FieldResolver(() => [TicketAction], {
    description: 'Steps the ticket allows now (whether you may take them depends on your role).',
  })
  allowedActions(@Root() ticket: TicketEntity): TicketAction[] {
    return allowedActions(ticket);
  }

  @FieldResolver(() => [TicketDispatchType], { description: 'Every dispatch, oldest first.' })
  dispatches(@Root() ticket: TicketEntity, @Ctx() ctx: TicketContext): Promise<TicketDispatchEntity[]> {
    return ctx.loaders.dispatchesByTicketId.load(ticket.id);
  }

  @FieldResolver(() => [TicketType], {
    description:
      'Open tickets of the same category within 100 m and 72 hours (ask for it on reportTicket to offer a merge).',
  })
  likelyDuplicates(@Root() ticket: TicketEntity, @Ctx() ctx: TicketContext): Promise<TicketEntity[]> {
    return ctx.tickets.likelyDuplicates(ticket);
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
