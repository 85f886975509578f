import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { BroadcastService } from '@gridgov/grid-data-access';
import { Permission } from '@gridgov/platform-auth';
import type { GridContext } from '../grid-context';
import { BroadcastNoticeInput, BroadcastType } from './broadcast.type';

@Resolver(() => BroadcastType)
export class BroadcastResolver {
  @Authorized(Permission.HOUSEHOLD_MANAGE)
  @Mutation(() => BroadcastType, {
    description:
      'Texts a notice to every resident with a phone in the chosen grids (through the reminder worker).',
  })
  broadcastNotice(
    @Ctx() ctx: GridContext,
    @Arg('input', () => BroadcastNoticeInput) input: BroadcastNoticeInput,
  ) {
    return new BroadcastService(ctx.dataSource, ctx.auth).create(input);
  }

  @Authorized(Permission.HOUSEHOLD_READ)
  @Query(() => BroadcastType, {
    description: 'A broadcast over grids you can read, with its delivery status.',
  })
  broadcast(@Ctx() ctx: GridContext, @Arg('id', () => ID) id: string) {
    return new BroadcastService(ctx.dataSource, ctx.auth).find(id);
  }
}
