import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import type { GridEntity } from '@gridgov/grid-data-access';
import { BuildingType } from '../building/building.type';
import type { GridContext } from '../grid-context';
import { GridType } from './grid.type';

/** Grid fields that need the household permission, kept apart from the grid's own resolver. */
@Resolver(() => GridType)
export class GridBuildingsResolver {
  @Authorized(Permission.HOUSEHOLD_READ)
  @FieldResolver(() => [BuildingType], { description: 'Buildings of this unit grid, by code.' })
  buildings(@Root() grid: GridEntity, @Ctx() ctx: GridContext) {
    return ctx.buildings.listByGrid(grid.code);
  }
}
