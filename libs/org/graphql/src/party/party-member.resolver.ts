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
import { PageArgs, paginate } from '@gridgov/platform-graphql';
import { IdentityDisplay, type PartyMemberEntity } from '@gridgov/org-data-access';
import { PartyGridBindingType } from '../grid/party-grid-binding.type';
import { ResidentRef } from '../grid/resident-ref.type';
import type { OrgContext } from '../org-context';
import { PartyPledgeType, PartyPostType } from '../party-life/party-life.type';
import {
  CreatePartyMemberInput,
  PartyMemberConnection,
  PartyMemberFilterInput,
  PartyMemberTransferType,
  PartyMemberType,
  PartyMobilityInput,
  PartyOrganizationType,
  TransferPartyMemberInput,
} from './party.type';

@Resolver(() => PartyMemberType)
export class PartyMemberResolver {
  @Authorized(Permission.PARTY_READ)
  @Query(() => PartyMemberType)
  partyMember(@Ctx() ctx: OrgContext, @Arg('id', () => ID) id: string) {
    return ctx.partyMembers.get(id);
  }

  @Authorized(Permission.PARTY_READ)
  @Query(() => PartyMemberConnection, { description: 'Party members in your scope, by name (keyset-paged).' })
  partyMembers(
    @Ctx() ctx: OrgContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PartyMemberFilterInput, { nullable: true }) filter?: PartyMemberFilterInput,
  ) {
    return paginate(ctx.partyMembers.listQuery(filter ?? {}), page, {
      column: 'member.name',
      value: (m) => m.name,
    });
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => PartyMemberType)
  createPartyMember(
    @Ctx() ctx: OrgContext,
    @Arg('input', () => CreatePartyMemberInput) input: CreatePartyMemberInput,
  ) {
    return ctx.partyMembers.create(input);
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => PartyMemberType, { description: 'Moves a member to another branch, keeping the history.' })
  transferPartyMember(
    @Ctx() ctx: OrgContext,
    @Arg('input', () => TransferPartyMemberInput) input: TransferPartyMemberInput,
  ) {
    return ctx.partyMembers.transfer(input);
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => PartyMemberType, {
    description:
      'Marks a member as away (流动党员) with where and since when; null mobility means back home.',
  })
  setPartyMemberMobility(
    @Ctx() ctx: OrgContext,
    @Arg('memberId', () => ID) memberId: string,
    @Arg('mobility', () => PartyMobilityInput, { nullable: true }) mobility: PartyMobilityInput | null,
  ) {
    return ctx.partyMembers.setMobility(memberId, mobility ?? null);
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => PartyMemberType, {
    description: '亮身份: whether and how the member appears on public boards.',
  })
  setPartyIdentityDisplay(
    @Ctx() ctx: OrgContext,
    @Arg('memberId', () => ID) memberId: string,
    @Arg('display', () => IdentityDisplay) display: IdentityDisplay,
  ) {
    return ctx.partyMembers.setIdentityDisplay(memberId, display);
  }

  @FieldResolver(() => PartyOrganizationType, {
    nullable: true,
    description: 'The branch a mobile member keeps in touch with where they are, when you may see it.',
  })
  mobileContactBranch(@Root() member: PartyMemberEntity, @Ctx() ctx: OrgContext) {
    return member.mobileContactBranchId
      ? ctx.loaders.partyOrganizationById.load(member.mobileContactBranchId)
      : null;
  }

  @FieldResolver(() => [PartyGridBindingType], {
    description:
      'The grids the member serves as party assistant of (网格助理), by grid code, with grid-service’s data; bindings of branches you may see.',
  })
  assistantOfGrids(@Root() member: PartyMemberEntity, @Ctx() ctx: OrgContext) {
    return ctx.loaders.bindingsByAssistantMemberId.load(member.id);
  }

  @FieldResolver(() => ResidentRef, {
    nullable: true,
    description: 'The resident record in grid-service (its scope and masking rules apply).',
  })
  resident(@Root() member: PartyMemberEntity): ResidentRef | null {
    return member.residentId ? { id: member.residentId } : null;
  }

  @FieldResolver(() => PartyOrganizationType, { nullable: true })
  branch(@Root() member: PartyMemberEntity, @Ctx() ctx: OrgContext) {
    return ctx.loaders.partyOrganizationById.load(member.branchId);
  }

  @FieldResolver(() => [PartyPostType], { description: 'Posts the member holds (设岗定责).' })
  posts(@Root() member: PartyMemberEntity, @Ctx() ctx: OrgContext) {
    return ctx.partyPosts.postsOfMember(member.id);
  }

  @FieldResolver(() => [PartyPledgeType], { description: 'Public pledges, newest first.' })
  pledges(@Root() member: PartyMemberEntity, @Ctx() ctx: OrgContext) {
    return ctx.partyPosts.pledgesOfMember(member.id);
  }

  @FieldResolver(() => Float, { description: 'Volunteer service hours credited to the member.' })
  serviceHours(@Root() member: PartyMemberEntity, @Ctx() ctx: OrgContext) {
    return ctx.volunteers.hoursOfMember(member.id);
  }

  @FieldResolver(() => [PartyMemberTransferType], {
    description: 'Transfers between branches, oldest first.',
  })
  transfers(@Root() member: PartyMemberEntity, @Ctx() ctx: OrgContext) {
    return ctx.partyMembers.transfersOf(member.id);
  }
}
