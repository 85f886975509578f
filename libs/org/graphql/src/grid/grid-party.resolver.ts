import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PartyBranchGridEntity } from '@gridgov/org-data-access';
import type { OrgContext } from '../org-context';
import { PartyMemberType, PartyOrganizationType } from '../party/party.type';
import { GridRef } from './grid-ref.type';
import { PartyGridBindingType } from './party-grid-binding.type';

@Resolver(() => GridRef)
export class GridPartyResolver {
  @FieldResolver(() => [PartyOrganizationType], {
    description: 'Party branches built on this grid that you may see (org-service).',
  })
  partyBranches(@Root() grid: GridRef, @Ctx() ctx: OrgContext) {
    return ctx.loaders.branchesByGridCode.load(grid.code);
  }

  @FieldResolver(() => [PartyMemberType], {
    description:
      'Members of those branches serving as the grid’s party assistants (网格助理), usually the secretaries.',
  })
  async partyAssistants(@Root() grid: GridRef, @Ctx() ctx: OrgContext) {
    const bindings = await ctx.loaders.bindingsByGridCode.load(grid.code);
    const ids = [...new Set(bindings.flatMap((b) => (b.assistantMemberId ? [b.assistantMemberId] : [])))];
    const members = await ctx.loaders.partyMemberById.loadMany(ids);
    return members.filter((m) => m !== null && !(m instanceof Error));
  }
}

@Resolver(() => PartyGridBindingType)
export class PartyGridBindingResolver {
  @FieldResolver(() => GridRef, { description: 'The grid (grid-service).' })
  grid(@Root() binding: PartyBranchGridEntity): GridRef {
    return { code: binding.gridCode };
  }

  @FieldResolver(() => PartyMemberType, { nullable: true })
  assistant(@Root() binding: PartyBranchGridEntity, @Ctx() ctx: OrgContext) {
    return binding.assistantMemberId ? ctx.loaders.partyMemberById.load(binding.assistantMemberId) : null;
  }
}
