import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  Float,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { badInput } from '@gridgov/platform-errors';
import { JSONScalar, PageArgs, paginate } from '@gridgov/platform-graphql';
import type { GridEntity } from '@gridgov/grid-data-access';
import { AdminUnitRef } from '../admin-unit/admin-unit.type';
import type { GridContext } from '../grid-context';
import { CreateGridInput, GridConnection, GridFilterInput, GridType } from './grid.type';

@Resolver(() => GridType)
export class GridResolver {
  @Authorized(Permission.GRID_READ)
  @Query(() => GridType, { description: 'One grid by id or by code.' })
  grid(
    @Ctx() ctx: GridContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('code', () => String, { nullable: true }) code?: string,
  ): Promise<GridEntity> {
    if (id) return ctx.grids.get(id);
    if (code) return ctx.grids.getByCode(code);
    throw badInput('id', 'give id or code');
  }

  @Authorized(Permission.GRID_READ)
  @Query(() => GridConnection, {
    description: 'The grids of one administrative unit that you may read, ordered by code.',
  })
  grids(
    @Ctx() ctx: GridContext,
    @Arg('adminUnitCode', () => String) adminUnitCode: string,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => GridFilterInput, { nullable: true }) filter?: GridFilterInput,
  ) {
    return paginate(ctx.grids.listQuery(adminUnitCode, filter ?? {}), page, {
      column: 'grid.code',
      value: (g) => g.code,
    });
  }

  @Authorized(Permission.GRID_READ)
  @Query(() => GridType, {
    nullable: true,
    description: 'The most specific grid you may read that contains the point.',
  })
  gridAt(
    @Ctx() ctx: GridContext,
    @Arg('lon', () => Float) lon: number,
    @Arg('lat', () => Float) lat: number,
  ) {
    return ctx.grids.gridAt(lon, lat);
  }

  @Authorized(Permission.GRID_MANAGE)
  @Mutation(() => GridType)
  createGrid(@Ctx() ctx: GridContext, @Arg('input', () => CreateGridInput) input: CreateGridInput) {
    return ctx.grids.create(input);
  }

  @Authorized(Permission.GRID_MANAGE)
  @Mutation(() => GridType)
  updateGridBoundary(
    @Ctx() ctx: GridContext,
    @Arg('id', () => ID) id: string,
    @Arg('boundary', () => JSONScalar, {
      description: 'A GeoJSON Polygon or MultiPolygon; checked like CreateGridInput.boundary.',
    })
    boundary: unknown,
  ) {
    return ctx.grids.updateBoundary(id, boundary);
  }

  @Authorized(Permission.GRID_READ)
  @FieldResolver(() => [GridType], {
    description:
      'Sibling grids (same parent, or same unit and level) whose area overlaps this one: reported, not refused. Touching edges do not count.',
  })
  overlappingSiblings(@Root() grid: GridEntity, @Ctx() ctx: GridContext) {
    return ctx.loaders.overlappingSiblings.load(grid);
  }

  // The public board hands out grids of any scope, and this phone may be a private number (the board
  // shows the post's public one, GridTeamMember.publicPhone): only readers of the grid see it.
  @FieldResolver(() => String, { nullable: true })
  responsiblePhone(@Root() grid: GridEntity, @Ctx() ctx: GridContext) {
    return ctx.auth.can(Permission.GRID_READ, grid.code) ? grid.responsiblePhone : null;
  }

  @FieldResolver(() => GridType, { nullable: true, description: 'The enclosing grid, when you may read it.' })
  parent(@Root() grid: GridEntity, @Ctx() ctx: GridContext) {
    return grid.parentId ? ctx.loaders.gridById.load(grid.parentId) : null;
  }

  @FieldResolver(() => AdminUnitRef, {
    nullable: true,
    description: 'Resolved by org-service (null when outside your scope there).',
  })
  adminUnit(@Root() grid: GridEntity): AdminUnitRef {
    return { code: grid.adminUnitCode };
  }
}
