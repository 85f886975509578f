import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '@gridgov/platform-graphql';
import { CobuildingResourceKind, CouncilMeetingKind } from '@gridgov/org-data-access';

registerEnumType(CouncilMeetingKind, {
  name: 'CouncilMeetingKind',
  description: '意见收集会, 议题讨论会, 议事决策会, 述职评议.',
});
registerEnumType(CobuildingResourceKind, { name: 'CobuildingResourceKind' });

@ObjectType('CouncilTopic')
export class CouncilTopicType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => ID, { nullable: true, description: "ticket-service's Ticket the topic came from." })
  ticketId?: string | null;

  @Field(() => String, { nullable: true })
  decision?: string | null;

  @Field(() => Int, { nullable: true })
  votesFor?: number | null;

  @Field(() => Int, { nullable: true })
  votesAgainst?: number | null;

  @Field(() => Int, { nullable: true })
  abstentions?: number | null;
}

@ObjectType('CouncilMeeting', { description: 'A residents’ council (居民议事会) meeting.' })
export class CouncilMeetingType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  unitCode!: string;

  @Field(() => CouncilMeetingKind)
  kind!: CouncilMeetingKind;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  heldOn!: string;

  @Field(() => [String])
  participants!: string[];

  @Field(() => String, { nullable: true })
  publishedResult?: string | null;

  @Field(() => Date, { nullable: true })
  publishedAt?: Date | null;
}

@ObjectType('CouncilMeetingConnection')
export class CouncilMeetingConnection extends ConnectionType(CouncilMeetingType, 'CouncilMeeting') {}

@ObjectType('CobuildingResource')
export class CobuildingResourceType {
  @Field(() => CobuildingResourceKind)
  kind!: CobuildingResourceKind;

  @Field(() => String)
  description!: string;
}

@ObjectType('CobuildingPairing', { description: '结对共建 with a branch.' })
export class CobuildingPairingType {
  @Field(() => ID)
  branchId!: string;

  @Field(() => String)
  since!: string;

  @Field(() => [String])
  jointActivities!: string[];
}

@ObjectType('CobuildingUnit', { description: 'A 共驻共建 / 双报到 unit registered to a community.' })
export class CobuildingUnitType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  unitCode!: string;

  @Field(() => String, { nullable: true })
  gridCode?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => [CobuildingResourceType])
  resources!: CobuildingResourceType[];
}

@ObjectType('CobuildingUnitConnection')
export class CobuildingUnitConnection extends ConnectionType(CobuildingUnitType, 'CobuildingUnit') {}

@InputType('CreateCouncilMeetingInput')
export class CreateCouncilMeetingInput {
  @Field(() => String, { description: 'The community (12-digit code).' })
  unitCode!: string;

  @Field(() => CouncilMeetingKind)
  kind!: CouncilMeetingKind;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  heldOn!: string;

  @Field(() => [String], { nullable: true })
  participants?: string[] | null;
}

@InputType('AddCouncilTopicInput')
export class AddCouncilTopicInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => ID, { nullable: true })
  ticketId?: string | null;
}

@InputType('DecideCouncilTopicInput')
export class DecideCouncilTopicInput {
  @Field(() => ID)
  topicId!: string;

  @Field(() => String)
  decision!: string;

  @Field(() => Int)
  votesFor!: number;

  @Field(() => Int)
  votesAgainst!: number;

  @Field(() => Int)
  abstentions!: number;
}

@InputType('CobuildingResourceInput')
export class CobuildingResourceInput {
  @Field(() => CobuildingResourceKind)
  kind!: CobuildingResourceKind;

  @Field(() => String)
  description!: string;
}

@InputType('RegisterCobuildingUnitInput')
export class RegisterCobuildingUnitInput {
  @Field(() => String)
  unitCode!: string;

  @Field(() => String, { nullable: true })
  gridCode?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => [CobuildingResourceInput])
  resources!: CobuildingResourceInput[];
}
