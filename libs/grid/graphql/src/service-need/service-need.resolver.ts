import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { type HouseholdEntity, type ResidentEntity, ServiceNeedStatus } from '@gridgov/grid-data-access';
import type { GridContext } from '../grid-context';
import { HouseholdType } from '../household/household.type';
import { ResidentType } from '../resident/resident.type';
import { RecordServiceNeedInput, ServiceNeedType } from './service-need.type';

@Resolver(() => ServiceNeedType)
export class ServiceNeedResolver {
  @Authorized(Permission.HOUSEHOLD_READ)
  @Query(() => [ServiceNeedType], { description: 'Service needs in a grid or unit scope, newest first.' })
  serviceNeeds(
    @Ctx() ctx: GridContext,
    @Arg('gridCodePrefix', () => String) gridCodePrefix: string,
    @Arg('status', () => ServiceNeedStatus, { nullable: true }) status: ServiceNeedStatus | null,
    @Arg('first', () => Int, { defaultValue: 50, description: '1 to 200.' }) first: number,
  ) {
    return ctx.serviceNeeds.list(gridCodePrefix, status ?? null, first);
  }

  @Authorized(Permission.HOUSEHOLD_MANAGE)
  @Mutation(() => ServiceNeedType)
  recordServiceNeed(
    @Ctx() ctx: GridContext,
    @Arg('input', () => RecordServiceNeedInput) input: RecordServiceNeedInput,
  ) {
    return ctx.serviceNeeds.record(input);
  }

  @Authorized(Permission.HOUSEHOLD_MANAGE)
  @Mutation(() => ServiceNeedType, { description: 'Moves a need on; CANCELLED needs a note.' })
  changeServiceNeedStatus(
    @Ctx() ctx: GridContext,
    @Arg('id', () => ID) id: string,
    @Arg('status', () => ServiceNeedStatus) status: ServiceNeedStatus,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ) {
    return ctx.serviceNeeds.changeStatus(id, status, note);
  }
}

@Resolver(() => HouseholdType)
export class HouseholdServiceNeedsResolver {
  @Authorized(Permission.HOUSEHOLD_READ)
  @FieldResolver(() => [ServiceNeedType], { description: 'The household’s service needs, newest first.' })
  serviceNeeds(@Root() household: HouseholdEntity, @Ctx() ctx: GridContext) {
    return ctx.loaders.serviceNeedsByHousehold.load(household.id);
  }
}

@Resolver(() => ResidentType)
export class ResidentServiceNeedsResolver {
  @Authorized(Permission.HOUSEHOLD_READ)
  @FieldResolver(() => [ServiceNeedType], { description: 'The resident’s own service needs, newest first.' })
  serviceNeeds(@Root() resident: ResidentEntity, @Ctx() ctx: GridContext) {
    return ctx.loaders.serviceNeedsByResident.load(resident.id);
  }
}
