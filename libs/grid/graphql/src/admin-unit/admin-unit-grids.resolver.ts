import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { PageArgs, paginate } from '@gridgov/platform-graphql';
import type { GridContext } from '../grid-context';
import { GridConnection } from '../grid/grid.type';
import { AdminUnitRef } from './admin-unit.type';

/** Adds `AdminUnit.grids` to org's entity. */
@Resolver(() => AdminUnitRef)
export class AdminUnitGridsResolver {
  @Authorized(Permission.GRID_READ)
  @FieldResolver(() => GridConnection, {
    nullable: true,
    description: 'Grids of this unit that you may read, ordered by code.',
  })
  grids(@Root() unit: AdminUnitRef, @Ctx() ctx: GridContext, @Args(() => PageArgs) page: PageArgs) {
    return paginate(ctx.grids.listQuery(unit.code, {}), page, { column: 'grid.code', value: (g) => g.code });
  }
}
