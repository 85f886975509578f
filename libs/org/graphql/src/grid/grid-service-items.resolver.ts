import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrgContext } from '../org-context';
import { ServiceItemType } from '../public-service/public-service.type';
import { GridRef } from './grid-ref.type';

/** What the grid's public board (公示牌) lists: the service items of the grid's community; public like `serviceItems`. */
@Resolver(() => GridRef)
export class GridServiceItemsResolver {
  @FieldResolver(() => [ServiceItemType], {
    description:
      'Service items offered in the grid (its community’s and the levels above); public (org-service).',
  })
  serviceItems(@Root() grid: GridRef, @Ctx() ctx: OrgContext) {
    // A unit grid's 15-digit code starts with its community's 12-digit code.
    return ctx.publicServices.itemsAt(grid.code.slice(0, 12), {});
  }
}
