import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import {
  type Coverage,
  type GridEntity,
  GridLevel,
  sizeGuidance,
  unitCodePrefix,
} from '@gridgov/grid-data-access';
import { AdminUnitRef } from '../admin-unit/admin-unit.type';
import type { GridContext } from '../grid-context';
import { GridType } from '../grid/grid.type';
import { CoverageReportType, CoverageType, GridSizeGuidanceType } from './coverage.type';

@Resolver(() => CoverageReportType)
export class CoverageResolver {
  @Authorized(Permission.HOUSEHOLD_READ)
  @Query(() => CoverageReportType, {
    description: 'Coverage of a grid, community, street or district by code prefix.',
  })
  coverage(@Ctx() ctx: GridContext, @Arg('codePrefix', () => String) codePrefix: string) {
    return ctx.coverage.of(codePrefix);
  }

  @Authorized(Permission.HOUSEHOLD_READ)
  @FieldResolver(() => [GridSizeGuidanceType], {
    description:
      'Unit grids under the prefix outside the size guidance (urban 300–500, rural 100–200 households).',
  })
  sizeWarnings(@Root() report: { total: Coverage }, @Ctx() ctx: GridContext) {
    return ctx.coverage.sizeWarnings(report.total.codePrefix);
  }
}

@Resolver(() => GridType)
export class GridCoverageResolver {
  @Authorized(Permission.HOUSEHOLD_READ)
  @FieldResolver(() => GridSizeGuidanceType, {
    nullable: true,
    description: 'Households against the size guidance; unit grids only.',
  })
  async sizeGuidance(@Root() grid: GridEntity, @Ctx() ctx: GridContext) {
    ctx.auth.assert(Permission.HOUSEHOLD_READ, grid.code);
    if (grid.level !== GridLevel.UNIT) return null;
    return sizeGuidance(grid.code, grid.kind, await ctx.loaders.householdCountByGridCode.load(grid.code));
  }

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
