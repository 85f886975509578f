import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrgContext } from '../org-context';
import { PartyOrganizationType } from '../party/party.type';
import { GridRef } from './grid-ref.type';

@Resolver(() => GridRef)
export class GridPartyResolver {
  @FieldResolver(() => [PartyOrganizationType], {
    description: 'Party branches built on this grid that you may see (org-service).',
  })
  partyBranches(@Root() grid: GridRef, @Ctx() ctx: OrgContext) {
    return ctx.loaders.branchesByGridCode.load(grid.code);
  }
}
