import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import {
  MeetingPeriod,
  type MeetingShortfall,
  PartyMeetingKind,
  type PartyOrganizationEntity,
  PartyOrganizationKind,
} from '@gridgov/org-data-access';
import type { OrgContext } from '../org-context';
import { PartyOrganizationType } from '../party/party.type';
import {
  CreatePartyPledgeInput,
  CreatePartyPostInput,
  MeetingRuleType,
  MeetingShortfallType,
  PartyMeetingType,
  PartyPledgeType,
  PartyPostType,
  RecordPartyMeetingInput,
} from './party-life.type';

/** 设岗定责, pledges and 三会一课; adds `posts` and `meetings` to PartyOrganization. */
@Resolver(() => PartyOrganizationType)
export class PartyLifeResolver {
  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => PartyPostType)
  createPartyPost(
    @Ctx() ctx: OrgContext,
    @Arg('input', () => CreatePartyPostInput) input: CreatePartyPostInput,
  ) {
    return ctx.partyPosts.createPost(input);
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => PartyPledgeType)
  createPartyPledge(
    @Ctx() ctx: OrgContext,
    @Arg('input', () => CreatePartyPledgeInput) input: CreatePartyPledgeInput,
  ) {
    return ctx.partyPosts.createPledge(input);
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => PartyMeetingType)
  recordPartyMeeting(
    @Ctx() ctx: OrgContext,
    @Arg('input', () => RecordPartyMeetingInput) input: RecordPartyMeetingInput,
  ) {
    return ctx.partyMeetings.record(input);
  }

  @Authorized(Permission.PARTY_READ)
  @Query(() => [MeetingRuleType], { description: 'How often each kind of branch must hold each meeting.' })
  meetingRules(@Ctx() ctx: OrgContext) {
    return ctx.partyMeetings.listRules();
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => MeetingRuleType, { description: 'Platform-wide party administrators only.' })
  setMeetingRule(
    @Ctx() ctx: OrgContext,
    @Arg('branchKind', () => PartyOrganizationKind) branchKind: PartyOrganizationKind,
    @Arg('meetingKind', () => PartyMeetingKind) meetingKind: PartyMeetingKind,
    @Arg('period', () => MeetingPeriod) period: MeetingPeriod,
  ) {
    return ctx.partyMeetings.setRule(branchKind, meetingKind, period);
  }

  @Authorized(Permission.PARTY_READ)
  @Query(() => [MeetingShortfallType], {
    description:
      'Branches under the unit that are behind on 三会一课 in the period containing `on` (default today).',
  })
  async meetingCompliance(
    @Ctx() ctx: OrgContext,
    @Arg('unitCode', () => String) unitCode: string,
    @Arg('on', () => String, { nullable: true }) on?: string,
  ) {
    const shortfalls = await ctx.partyMeetings.shortfalls(unitCode, on);
    return shortfalls.map((s: MeetingShortfall) => ({
      ...s,
      branch: ctx.loaders.partyOrganizationById.load(s.branchId),
    }));
  }

  @FieldResolver(() => [PartyPostType], { description: '设岗定责 posts of a branch.' })
  posts(@Root() organization: PartyOrganizationEntity, @Ctx() ctx: OrgContext) {
    return ctx.loaders.postsByBranchId.load(organization.id);
  }

  @FieldResolver(() => [PartyMeetingType], { description: 'Most recent 三会一课 meetings first.' })
  meetings(
    @Root() organization: PartyOrganizationEntity,
    @Ctx() ctx: OrgContext,
    @Arg('last', () => Int, { defaultValue: 20 }) last: number,
  ) {
    return ctx.partyMeetings.recentOf(organization.id, last);
  }
}
