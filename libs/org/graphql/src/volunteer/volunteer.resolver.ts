import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { PageArgs, paginate } from '@gridgov/platform-graphql';
import type { VolunteerActivityEntity, VolunteerSignupEntity } from '@gridgov/org-data-access';
import type { OrgContext } from '../org-context';
import {
  CreateVolunteerActivityInput,
  CreateVolunteerTeamInput,
  SignUpVolunteerInput,
  VolunteerActivityConnection,
  VolunteerActivityFilterInput,
  VolunteerActivityType,
  VolunteerSignupType,
  VolunteerTeamType,
} from './volunteer.type';

const toSignup = (signup: VolunteerSignupEntity): VolunteerSignupType => ({
  ...signup,
  serviceHours: signup.serviceMinutes === null ? null : signup.serviceMinutes / 60,
});

@Resolver(() => VolunteerActivityType)
export class VolunteerResolver {
  @Authorized(Permission.PARTY_READ)
  @Query(() => VolunteerActivityType)
  volunteerActivity(@Ctx() ctx: OrgContext, @Arg('id', () => ID) id: string) {
    return ctx.volunteers.getActivity(id);
  }

  @Authorized(Permission.PARTY_READ)
  @Query(() => VolunteerActivityConnection, { description: 'Activities in your scope, latest start first.' })
  volunteerActivities(
    @Ctx() ctx: OrgContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => VolunteerActivityFilterInput, { nullable: true })
    filter?: VolunteerActivityFilterInput,
  ) {
    return paginate(ctx.volunteers.activityQuery(filter ?? {}), page, {
      column: 'activity.startsAt',
      value: (a) => a.startsAt,
      direction: 'DESC',
    });
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => VolunteerTeamType)
  createVolunteerTeam(
    @Ctx() ctx: OrgContext,
    @Arg('input', () => CreateVolunteerTeamInput) input: CreateVolunteerTeamInput,
  ) {
    return ctx.volunteers.createTeam(input);
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => VolunteerActivityType)
  createVolunteerActivity(
    @Ctx() ctx: OrgContext,
    @Arg('input', () => CreateVolunteerActivityInput) input: CreateVolunteerActivityInput,
  ) {
    return ctx.volunteers.createActivity(input);
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => VolunteerSignupType, { description: 'Refused with CONFLICT when the activity is full.' })
  async signUpVolunteer(
    @Ctx() ctx: OrgContext,
    @Arg('input', () => SignUpVolunteerInput) input: SignUpVolunteerInput,
  ) {
    return toSignup(await ctx.volunteers.signUp(input));
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => VolunteerSignupType)
  async checkInVolunteer(
    @Ctx() ctx: OrgContext,
    @Arg('signupId', () => ID) signupId: string,
    @Arg('at', () => Date) at: Date,
  ) {
    return toSignup(await ctx.volunteers.checkIn(signupId, at));
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => VolunteerSignupType, { description: 'Credits the service time since check-in.' })
  async checkOutVolunteer(
    @Ctx() ctx: OrgContext,
    @Arg('signupId', () => ID) signupId: string,
    @Arg('at', () => Date) at: Date,
  ) {
    return toSignup(await ctx.volunteers.checkOut(signupId, at));
  }

  @FieldResolver(() => VolunteerTeamType, { nullable: true })
  team(@Root() activity: VolunteerActivityEntity, @Ctx() ctx: OrgContext) {
    return ctx.volunteers.team(activity.teamId);
  }

  @FieldResolver(() => [VolunteerSignupType])
  async signups(@Root() activity: VolunteerActivityEntity, @Ctx() ctx: OrgContext) {
    return (await ctx.volunteers.signupsOf(activity.id)).map(toSignup);
  }
}
