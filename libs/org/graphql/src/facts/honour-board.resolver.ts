import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrgContext } from '../org-context';
import { honourBoardNames } from './honour-board.query';
import { HonourBoardEntryRef } from './honour-board.type';

/** One batch of names per request (a board is one _entities call, but its entries resolve one by one). */
const namesOf = new WeakMap<OrgContext, DataLoader<string, string | null>>();

/** Public, like the board itself: the name is only what 亮身份 and masking allow anyone to see. */
@Resolver(() => HonourBoardEntryRef)
export class HonourBoardResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Public name: a party member as their 亮身份 choice allows (none if HIDDEN, 王** if MASKED); a volunteer masked (王**) or 志愿者.',
  })
  name(@Root() entry: HonourBoardEntryRef, @Ctx() ctx: OrgContext): Promise<string | null> {
    let loader = namesOf.get(ctx);
    if (!loader) {
      loader = new DataLoader((ids) => honourBoardNames(ctx.dataSource, ids));
      namesOf.set(ctx, loader);
    }
    return loader.load(entry.subjectId);
  }
}
