import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import type { DueVisit, HouseholdEntity, ResidentEntity } from '@gridgov/grid-data-access';
import type { GridContext } from '../grid-context';
import { HouseholdType } from '../household/household.type';
import { ResidentType } from '../resident/resident.type';
import { DueVisitType, LogVisitInput, VisitType } from './visit.type';

@Resolver(() => VisitType)
export class VisitResolver {
  @Authorized(Permission.HOUSEHOLD_MANAGE)
  @Mutation(() => VisitType)
  logVisit(@Ctx() ctx: GridContext, @Arg('input', () => LogVisitInput) input: LogVisitInput) {
    return ctx.visits.log(input);
  }

  @Authorized(Permission.HOUSEHOLD_MANAGE)
  @Query(() => [DueVisitType], {
    description:
      'Residents in your scope (or one grid) due for a visit by their tags, or due within `withinDays`.',
  })
  dueVisits(
    @Ctx() ctx: GridContext,
    @Arg('gridCode', () => String, { nullable: true }) gridCode?: string,
    @Arg('withinDays', () => Int, { defaultValue: 0 }) withinDays = 0,
  ) {
    return ctx.visits.due({ gridCode, withinDays });
  }
}

@Resolver(() => DueVisitType)
export class DueVisitResolver {
  @FieldResolver(() => ResidentType)
  resident(@Root() due: DueVisit) {
    return due.resident;
  }
}

/** Recent visits on households and residents. */
@Resolver(() => HouseholdType)
export class HouseholdVisitsResolver {
  @FieldResolver(() => [VisitType], { description: 'The latest 20 visits, newest first.' })
  visits(@Root() household: HouseholdEntity, @Ctx() ctx: GridContext) {
    return ctx.loaders.visitsByHousehold.load(household.id);
  }
}

@Resolver(() => ResidentType)
export class ResidentVisitsResolver {
  @FieldResolver(() => [VisitType], { description: 'The latest 20 visits to this resident, newest first.' })
  visits(@Root() resident: ResidentEntity, @Ctx() ctx: GridContext) {
    return ctx.loaders.visitsByResident.load(resident.id);
  }
}
