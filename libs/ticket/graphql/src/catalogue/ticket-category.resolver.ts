import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import type { TicketCategoryEntity } from '@gridgov/ticket-data-access';
import type { TicketContext } from '../ticket-context';
import { CreateTicketCategoryInput, TicketCategoryType } from './ticket-category.type';

@Resolver(() => TicketCategoryType)
export class TicketCategoryResolver {
  @Authorized(Permission.TICKET_REPORT, Permission.TICKET_READ)
  @Query(() => [TicketCategoryType], {
    description:
      'The category catalogue in display order (parents before children); active ones unless asked.',
  })
  ticketCategories(
    @Ctx() ctx: TicketContext,
    @Arg('includeDisabled', () => Boolean, { defaultValue: false }) includeDisabled: boolean,
  ): Promise<TicketCategoryEntity[]> {
    return ctx.categories.list(includeDisabled);
  }

  @Authorized(Permission.TICKET_CONFIGURE)
  @Mutation(() => TicketCategoryType, { description: 'Adds a category (platform-wide ticket:configure).' })
  createTicketCategory(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => CreateTicketCategoryInput) input: CreateTicketCategoryInput,
  ): Promise<TicketCategoryEntity> {
    return ctx.categories.create(input);
  }

  @Authorized(Permission.TICKET_CONFIGURE)
  @Mutation(() => TicketCategoryType, {
    description: 'Disables (no new reports under it or its children) or re-enables a category.',
  })
  setTicketCategoryActive(
    @Ctx() ctx: TicketContext,
    @Arg('code', () => String) code: string,
    @Arg('active', () => Boolean) active: boolean,
  ): Promise<TicketCategoryEntity> {
    return ctx.categories.setActive(code, active);
  }
}
