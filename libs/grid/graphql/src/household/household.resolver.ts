import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import type { HouseholdEntity } from '@gridgov/grid-data-access';
import { HouseType } from '../building/building.type';
import type { GridContext } from '../grid-context';
import { ResidentType } from '../resident/resident.type';
import { CreateHouseholdInput, HouseholdType } from './household.type';

@Resolver(() => HouseholdType)
export class HouseholdResolver {
  @Authorized(Permission.HOUSEHOLD_READ)
  @Query(() => HouseholdType)
  household(@Ctx() ctx: GridContext, @Arg('id', () => ID) id: string) {
    return ctx.households.get(id);
  }

  @Authorized(Permission.HOUSEHOLD_MANAGE)
  @Mutation(() => HouseholdType, { description: 'A household with its head and members, all or nothing.' })
  createHousehold(
    @Ctx() ctx: GridContext,
    @Arg('input', () => CreateHouseholdInput) input: CreateHouseholdInput,
  ) {
    return ctx.households.create(input);
  }

  @FieldResolver(() => HouseType, { nullable: true })
  house(@Root() household: HouseholdEntity, @Ctx() ctx: GridContext) {
    return ctx.loaders.houseById.load(household.houseId);
  }

  @FieldResolver(() => ResidentType, { nullable: true })
  head(@Root() household: HouseholdEntity, @Ctx() ctx: GridContext) {
    return household.headResidentId ? ctx.loaders.residentById.load(household.headResidentId) : null;
  }

  @FieldResolver(() => [ResidentType], {
    description: 'Head first by age, then the others, each with relationToHead.',
  })
  members(@Root() household: HouseholdEntity, @Ctx() ctx: GridContext) {
    return ctx.loaders.membersByHousehold.load(household.id);
  }
}
