import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { PageArgs, paginate } from '@gridgov/platform-graphql';
import type { OrgContext } from '../org-context';
import { PartyIdentityCardConnection, PartyIdentityCardType } from './party-identity.type';

/** Residents read the boards without signing in, so the query carries no @Authorized. */
@Resolver(() => PartyIdentityCardType)
export class PartyIdentityResolver {
  @Query(() => PartyIdentityCardConnection, {
    description:
      '亮身份 board of a grid (members of branches built on it) or a community (its members and in-service members registered there); public.',
  })
  async partyIdentityBoard(
    @Ctx() ctx: OrgContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('gridCode', () => String, { nullable: true }) gridCode?: string,
    @Arg('unitCode', () => String, { nullable: true }) unitCode?: string,
  ) {
    // Paged by record time, so cursors reveal no names.
    const members = await paginate(ctx.partyIdentity.boardQuery({ gridCode, unitCode }), page, {
      column: 'member.createdAt',
      value: (m) => m.createdAt,
    });
    const cards = await ctx.partyIdentity.cards(members.edges.map((e) => e.node));
    return { ...members, edges: members.edges.map((e, i) => ({ cursor: e.cursor, node: cards[i] })) };
  }
}
