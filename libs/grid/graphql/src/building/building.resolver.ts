import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import type { BuildingEntity, HouseEntity } from '@gridgov/grid-data-access';
import type { GridContext } from '../grid-context';
import { GridType } from '../grid/grid.type';
import { HouseholdType } from '../household/household.type';
import { BuildingType, CreateBuildingInput, CreateHouseInput, HouseType } from './building.type';

@Resolver(() => BuildingType)
export class BuildingResolver {
  @Authorized(Permission.HOUSEHOLD_READ)
  @Query(() => BuildingType)
  building(@Ctx() ctx: GridContext, @Arg('id', () => ID) id: string) {
    return ctx.buildings.get(id);
  }

  @Authorized(Permission.HOUSEHOLD_READ)
  @Query(() => [BuildingType], { description: 'The buildings of a unit grid, by code.' })
  buildings(@Ctx() ctx: GridContext, @Arg('gridCode', () => String) gridCode: string) {
    return ctx.buildings.listByGrid(gridCode);
  }

  @Authorized(Permission.HOUSEHOLD_MANAGE)
  @Mutation(() => BuildingType)
  createBuilding(
    @Ctx() ctx: GridContext,
    @Arg('input', () => CreateBuildingInput) input: CreateBuildingInput,
  ) {
    return ctx.buildings.create(input);
  }

  @Authorized(Permission.HOUSEHOLD_MANAGE)
  @Mutation(() => HouseType)
  createHouse(@Ctx() ctx: GridContext, @Arg('input', () => CreateHouseInput) input: CreateHouseInput) {
    return ctx.buildings.createHouse(input);
  }

  @FieldResolver(() => GridType, { nullable: true })
  grid(@Root() building: BuildingEntity, @Ctx() ctx: GridContext) {
    return ctx.loaders.gridById.load(building.gridId);
  }

  @FieldResolver(() => [HouseType], {
    description:
      'The building map: houses by unit, floor and number, each with its households, members and their tags.',
  })
  houses(@Root() building: BuildingEntity, @Ctx() ctx: GridContext) {
    return ctx.loaders.housesByBuilding.load(building.id);
  }
}

@Resolver(() => HouseType)
export class HouseResolver {
  @FieldResolver(() => BuildingType, { nullable: true })
  building(@Root() house: HouseEntity, @Ctx() ctx: GridContext) {
    return ctx.loaders.buildingById.load(house.buildingId);
  }

  @FieldResolver(() => [HouseholdType])
  households(@Root() house: HouseEntity, @Ctx() ctx: GridContext) {
    return ctx.loaders.householdsByHouse.load(house.id);
  }
}
