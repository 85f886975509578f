import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import type { HouseholdEntity, ResidenceMoveEntity, ResidentEntity } from '@gridgov/grid-data-access';
import { HouseType } from '../building/building.type';
import type { GridContext } from '../grid-context';
import { HouseholdType } from '../household/household.type';
import { ResidentType } from '../resident/resident.type';
import { MoveHouseholdInput, MoveResidentInput, ResidenceMoveType } from './residence-move.type';

/** Related rows resolve through the scoped loaders: a move seen from the old grid shows no one who left it. */
@Resolver(() => ResidenceMoveType)
export class ResidenceMoveResolver {
  @Authorized(Permission.HOUSEHOLD_READ)
  @Query(() => [ResidenceMoveType], {
    description: 'Moves into or out of a grid or unit scope, newest first.',
  })
  residenceMoves(
    @Ctx() ctx: GridContext,
    @Arg('gridCodePrefix', () => String) gridCodePrefix: string,
    @Arg('first', () => Int, { defaultValue: 50, description: '1 to 200.' }) first: number,
  ) {
    return ctx.moves.list(gridCodePrefix, first);
  }

  @Authorized(Permission.HOUSEHOLD_MANAGE)
  @Mutation(() => ResidenceMoveType, { description: 'The household and its members move to another house.' })
  moveHousehold(@Ctx() ctx: GridContext, @Arg('input', () => MoveHouseholdInput) input: MoveHouseholdInput) {
    return ctx.moves.moveHousehold(input);
  }

  @Authorized(Permission.HOUSEHOLD_MANAGE)
  @Mutation(() => ResidenceMoveType, {
    description: 'A member moves to another household, or to another grid.',
  })
  moveResident(@Ctx() ctx: GridContext, @Arg('input', () => MoveResidentInput) input: MoveResidentInput) {
    return ctx.moves.moveResident(input);
  }

  @FieldResolver(() => ResidentType, { nullable: true })
  resident(@Root() move: ResidenceMoveEntity, @Ctx() ctx: GridContext) {
    return move.residentId ? ctx.loaders.residentById.load(move.residentId) : null;
  }

  @FieldResolver(() => HouseholdType, { nullable: true })
  household(@Root() move: ResidenceMoveEntity, @Ctx() ctx: GridContext) {
    return move.householdId ? ctx.loaders.householdById.load(move.householdId) : null;
  }

  @FieldResolver(() => HouseType, { nullable: true })
  fromHouse(@Root() move: ResidenceMoveEntity, @Ctx() ctx: GridContext) {
    return move.fromHouseId ? ctx.loaders.houseById.load(move.fromHouseId) : null;
  }

  @FieldResolver(() => HouseType, { nullable: true })
  toHouse(@Root() move: ResidenceMoveEntity, @Ctx() ctx: GridContext) {
    return move.toHouseId ? ctx.loaders.houseById.load(move.toHouseId) : null;
  }
}

@Resolver(() => HouseholdType)
export class HouseholdMovesResolver {
  @Authorized(Permission.HOUSEHOLD_READ)
  @FieldResolver(() => [ResidenceMoveType], {
    description: 'Where the household lived before, newest move first.',
  })
  moves(@Root() household: HouseholdEntity, @Ctx() ctx: GridContext) {
    return ctx.loaders.movesByHousehold.load(household.id);
  }
}

@Resolver(() => ResidentType)
export class ResidentMovesResolver {
  @Authorized(Permission.HOUSEHOLD_READ)
  @FieldResolver(() => [ResidenceMoveType], { description: 'The resident’s own moves, newest first.' })
  moves(@Root() resident: ResidentEntity, @Ctx() ctx: GridContext) {
    return ctx.loaders.movesByResident.load(resident.id);
  }
}
