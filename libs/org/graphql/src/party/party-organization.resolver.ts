import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { PageArgs, paginate } from '@gridgov/platform-graphql';
import type { PartyOrganizationEntity } from '@gridgov/org-data-access';
import { PartyGridBindingType } from '../grid/party-grid-binding.type';
import type { OrgContext } from '../org-context';
import {
  CreatePartyOrganizationInput,
  PartyMemberType,
  PartyOrganizationConnection,
  PartyOrganizationFilterInput,
  PartyOrganizationType,
} from './party.type';

@Resolver(() => PartyOrganizationType)
export class PartyOrganizationResolver {
  @Authorized(Permission.PARTY_READ)
  @Query(() => PartyOrganizationType)
  partyOrganization(@Ctx() ctx: OrgContext, @Arg('id', () => ID) id: string) {
    return ctx.partyOrganizations.get(id);
  }

  @Authorized(Permission.PARTY_READ)
  @Query(() => PartyOrganizationConnection, { description: 'Party organisations in your scope, by name.' })
  partyOrganizations(
    @Ctx() ctx: OrgContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PartyOrganizationFilterInput, { nullable: true })
    filter?: PartyOrganizationFilterInput,
  ) {
    return paginate(ctx.partyOrganizations.listQuery(filter ?? {}), page, {
      column: 'org.name',
      value: (o) => o.name,
    });
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => PartyOrganizationType)
  createPartyOrganization(
    @Ctx() ctx: OrgContext,
    @Arg('input', () => CreatePartyOrganizationInput) input: CreatePartyOrganizationInput,
  ) {
    return ctx.partyOrganizations.create(input);
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => PartyOrganizationType, { description: 'Builds a branch on a grid (支部建在网格上).' })
  bindPartyBranchToGrid(
    @Ctx() ctx: OrgContext,
    @Arg('branchId', () => ID) branchId: string,
    @Arg('gridCode', () => String) gridCode: string,
  ) {
    return ctx.partyOrganizations.bindGrid(branchId, gridCode);
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => PartyOrganizationType)
  unbindPartyBranchFromGrid(
    @Ctx() ctx: OrgContext,
    @Arg('branchId', () => ID) branchId: string,
    @Arg('gridCode', () => String) gridCode: string,
  ) {
    return ctx.partyOrganizations.unbindGrid(branchId, gridCode);
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => PartyOrganizationType, {
    description: 'Sets the secretary (书记), a member of the organisation.',
  })
  setPartySecretary(
    @Ctx() ctx: OrgContext,
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('memberId', () => ID) memberId: string,
  ) {
    return ctx.partyOrganizations.setSecretary(organizationId, memberId);
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => PartyGridBindingType, {
    description:
      'Makes a member of the branch (usually its secretary) the party assistant (网格助理) of a grid it is built on; null ends it.',
  })
  setGridPartyAssistant(
    @Ctx() ctx: OrgContext,
    @Arg('branchId', () => ID) branchId: string,
    @Arg('gridCode', () => String) gridCode: string,
    @Arg('memberId', () => ID, { nullable: true }) memberId: string | null,
  ) {
    return ctx.partyOrganizations.setGridAssistant(branchId, gridCode, memberId ?? null);
  }

  @FieldResolver(() => PartyMemberType, { nullable: true })
  secretary(@Root() organization: PartyOrganizationEntity, @Ctx() ctx: OrgContext) {
    return organization.secretaryMemberId
      ? ctx.loaders.partyMemberById.load(organization.secretaryMemberId)
      : null;
  }

  @FieldResolver(() => PartyOrganizationType, { nullable: true })
  parent(@Root() organization: PartyOrganizationEntity, @Ctx() ctx: OrgContext) {
    return organization.parentId ? ctx.loaders.partyOrganizationById.load(organization.parentId) : null;
  }

  @FieldResolver(() => [PartyOrganizationType])
  children(@Root() organization: PartyOrganizationEntity, @Ctx() ctx: OrgContext) {
    return ctx.partyOrganizations.children(organization.id);
  }

  @FieldResolver(() => [String], { description: 'Codes of the grids the branch is built on.' })
  async gridCodes(@Root() organization: PartyOrganizationEntity, @Ctx() ctx: OrgContext) {
    return (await ctx.loaders.bindingsByOrganizationId.load(organization.id)).map((b) => b.gridCode);
  }

  @FieldResolver(() => [PartyGridBindingType], {
    description:
      'The grids the branch is built on, with grid-service’s data and each grid’s party assistant.',
  })
  gridBindings(@Root() organization: PartyOrganizationEntity, @Ctx() ctx: OrgContext) {
    return ctx.loaders.bindingsByOrganizationId.load(organization.id);
  }

  @FieldResolver(() => [PartyMemberType], { description: 'Members of a branch, by name.' })
  members(@Root() organization: PartyOrganizationEntity, @Ctx() ctx: OrgContext) {
    return ctx.loaders.membersByBranchId.load(organization.id);
  }
}
