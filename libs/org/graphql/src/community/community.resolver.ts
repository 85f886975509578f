import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { PageArgs, paginate } from '@gridgov/platform-graphql';
import type {
  CobuildingUnitEntity,
  CouncilMeetingEntity,
  CouncilTopicEntity,
} from '@gridgov/org-data-access';
import { TicketRef } from './ticket-ref.type';
import type { OrgContext } from '../org-context';
import {
  AddCouncilTopicInput,
  CobuildingPairingType,
  CobuildingUnitConnection,
  CobuildingUnitType,
  CouncilMeetingConnection,
  CouncilMeetingType,
  CouncilTopicType,
  CreateCouncilMeetingInput,
  DecideCouncilTopicInput,
  RegisterCobuildingUnitInput,
} from './community.type';

@Resolver(() => CouncilMeetingType)
export class CouncilResolver {
  @Authorized(Permission.PARTY_READ)
  @Query(() => CouncilMeetingType)
  councilMeeting(@Ctx() ctx: OrgContext, @Arg('id', () => ID) id: string) {
    return ctx.community.getCouncilMeeting(id);
  }

  @Authorized(Permission.PARTY_READ)
  @Query(() => CouncilMeetingConnection, {
    description: 'Residents’ council meetings in your scope, latest first.',
  })
  councilMeetings(
    @Ctx() ctx: OrgContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('unitCode', () => String, { nullable: true }) unitCode?: string,
  ) {
    return paginate(ctx.community.councilMeetingQuery(unitCode), page, {
      column: 'meeting.heldOn',
      value: (m) => m.heldOn,
      direction: 'DESC',
    });
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => CouncilMeetingType)
  createCouncilMeeting(
    @Ctx() ctx: OrgContext,
    @Arg('input', () => CreateCouncilMeetingInput) input: CreateCouncilMeetingInput,
  ) {
    return ctx.community.createCouncilMeeting(input);
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => CouncilTopicType)
  addCouncilTopic(
    @Ctx() ctx: OrgContext,
    @Arg('input', () => AddCouncilTopicInput) input: AddCouncilTopicInput,
  ) {
    return ctx.community.addTopic(input);
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => CouncilTopicType, { description: 'Records the decision and its votes.' })
  decideCouncilTopic(
    @Ctx() ctx: OrgContext,
    @Arg('input', () => DecideCouncilTopicInput) input: DecideCouncilTopicInput,
  ) {
    return ctx.community.decideTopic(input);
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => CouncilMeetingType, {
    description: 'Publishes the results; the meeting is closed afterwards.',
  })
  publishCouncilResult(
    @Ctx() ctx: OrgContext,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('result', () => String) result: string,
  ) {
    return ctx.community.publishResult(meetingId, result);
  }

  @FieldResolver(() => [CouncilTopicType])
  topics(@Root() meeting: CouncilMeetingEntity, @Ctx() ctx: OrgContext) {
    return ctx.community.topicsOf(meeting.id);
  }
}

@Resolver(() => CouncilTopicType)
export class CouncilTopicResolver {
  @FieldResolver(() => TicketRef, {
    nullable: true,
    description: 'The ticket the topic came from (ticket-service; null there when outside your scope).',
  })
  ticket(@Root() topic: CouncilTopicEntity): TicketRef | null {
    return topic.ticketId ? { id: topic.ticketId } : null;
  }
}

@Resolver(() => CobuildingUnitType)
export class CobuildingResolver {
  @Authorized(Permission.PARTY_READ)
  @Query(() => CobuildingUnitConnection, { description: 'Co-building units in your scope, by name.' })
  cobuildingUnits(
    @Ctx() ctx: OrgContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('unitCode', () => String, { nullable: true }) unitCode?: string,
  ) {
    return paginate(ctx.community.cobuildingUnitQuery(unitCode), page, {
      column: 'cobuilding.name',
      value: (u) => u.name,
    });
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => CobuildingUnitType)
  registerCobuildingUnit(
    @Ctx() ctx: OrgContext,
    @Arg('input', () => RegisterCobuildingUnitInput) input: RegisterCobuildingUnitInput,
  ) {
    return ctx.community.registerCobuildingUnit(input);
  }

  @Authorized(Permission.PARTY_MANAGE)
  @Mutation(() => CobuildingPairingType, {
    description: 'Pairs with a branch (结对共建), optionally recording a joint activity.',
  })
  pairCobuildingUnit(
    @Ctx() ctx: OrgContext,
    @Arg('cobuildingUnitId', () => ID) cobuildingUnitId: string,
    @Arg('branchId', () => ID) branchId: string,
    @Arg('since', () => String) since: string,
    @Arg('jointActivity', () => String, { nullable: true }) jointActivity?: string,
  ) {
    return ctx.community.pair(cobuildingUnitId, branchId, since, jointActivity);
  }

  @FieldResolver(() => [CobuildingPairingType])
  pairings(@Root() unit: CobuildingUnitEntity, @Ctx() ctx: OrgContext) {
    return ctx.loaders.pairingsByCobuildingUnitId.load(unit.id);
  }
}
