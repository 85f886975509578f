import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { badInput } from '@gridgov/platform-errors';
import { chinaToday, type GridEntity, isDate, teamOn } from '@gridgov/grid-data-access';
import type { GridContext } from '../grid-context';
import { GridType } from '../grid/grid.type';
import { AppointGridTeamMemberInput, GridTeamMemberType, GridTeamType } from './grid-team.type';

@Resolver(() => GridType)
export class GridTeamResolver {
  @Authorized(Permission.GRID_READ)
  @FieldResolver(() => GridTeamType, { description: 'The team serving on a day (default: today in China).' })
  async team(
    @Root() grid: GridEntity,
    @Ctx() ctx: GridContext,
    @Arg('on', () => String, { nullable: true, description: 'YYYY-MM-DD.' }) on?: string | null,
  ) {
    // A grid reached through the public board may lie outside the caller's scope.
    ctx.auth.assert(Permission.GRID_READ, grid.code);
    if (on && !isDate(on)) throw badInput('on', 'must be a date YYYY-MM-DD');
    return teamOn(grid.code, on ?? chinaToday(), await ctx.loaders.teamByGrid.load(grid.id));
  }

  @Authorized(Permission.GRID_READ)
  @FieldResolver(() => [GridTeamMemberType], { description: 'Every period of service, past and future too.' })
  teamHistory(@Root() grid: GridEntity, @Ctx() ctx: GridContext) {
    ctx.auth.assert(Permission.GRID_READ, grid.code);
    return ctx.loaders.teamByGrid.load(grid.id);
  }

  @Authorized(Permission.GRID_MANAGE)
  @Mutation(() => GridTeamMemberType, {
    description: 'Appoints a team member for a period; one responsible person and one messenger at a time.',
  })
  appointGridTeamMember(
    @Ctx() ctx: GridContext,
    @Arg('input', () => AppointGridTeamMemberInput) input: AppointGridTeamMemberInput,
  ) {
    return ctx.teams.appoint(input);
  }

  @Authorized(Permission.GRID_MANAGE)
  @Mutation(() => GridTeamMemberType, { description: 'Ends a period of service on its last day.' })
  endGridTeamMember(
    @Ctx() ctx: GridContext,
    @Arg('id', () => ID) id: string,
    @Arg('endsOn', () => String, { description: 'YYYY-MM-DD, the last day served.' }) endsOn: string,
  ) {
    return ctx.teams.end(id, endsOn);
  }
}
