import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { type GridEntity, unitCodePrefix } from '@gridgov/grid-data-access';
import { AdminUnitRef } from '../admin-unit/admin-unit.type';
import type { GridContext } from '../grid-context';
import { GridType } from '../grid/grid.type';
import { CoverageReportType, CoverageType } from './coverage.type';

@Resolver(() => CoverageReportType)
export class CoverageResolver {
  @Authorized(Permission.HOUSEHOLD_READ)
  @Query(() => CoverageReportType, {
    description: 'Coverage of a grid, community, street or district by code prefix.',
  })
  coverage(@Ctx() ctx: GridContext, @Arg('codePrefix', () => String) codePrefix: string) {
    return ctx.coverage.of(codePrefix);
  }
}

@Resolver(() => GridType)
export class GridCoverageResolver {
  @Authorized(Permission.HOUSEHOLD_READ)
  @FieldResolver(() => CoverageType)
  async coverage(@Root() grid: GridEntity, @Ctx() ctx: GridContext) {
    return (await ctx.coverage.of(grid.code)).total;
  }
}

/** Adds `AdminUnit.coverage`: the unit's grids rolled up. */
@Resolver(() => AdminUnitRef)
export class AdminUnitCoverageResolver {
  @Authorized(Permission.HOUSEHOLD_READ)
  @FieldResolver(() => CoverageType, { nullable: true })
  async coverage(@Root() unit: AdminUnitRef, @Ctx() ctx: GridContext) {
    return (await ctx.coverage.of(unitCodePrefix(unit.code))).total;
  }
}
