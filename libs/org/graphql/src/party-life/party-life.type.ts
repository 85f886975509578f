import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MeetingPeriod, PartyMeetingKind, PartyPostKind } from '@gridgov/org-data-access';
import { PartyOrganizationKind } from '@gridgov/org-data-access';
import { PartyOrganizationType } from '../party/party.type';

registerEnumType(PartyPostKind, { name: 'PartyPostKind', description: '设岗定责 post kinds.' });
registerEnumType(PartyMeetingKind, { name: 'PartyMeetingKind', description: '三会一课.' });
registerEnumType(MeetingPeriod, { name: 'MeetingPeriod' });

@ObjectType('PartyPostDuty', { description: 'What a post is, as shown on public boards (亮身份).' })
export class PartyPostDutyType {
  @Field(() => PartyPostKind)
  kind!: PartyPostKind;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  duties!: string;
}

@ObjectType('PartyPost', { description: 'A post with duties for members without office (设岗定责).' })
export class PartyPostType extends PartyPostDutyType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The member holding the post.' })
  memberId?: string | null;
}

@ObjectType('PartyPledge', { description: 'A member’s public pledge (承诺).' })
export class PartyPledgeType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  content!: string;

  @Field(() => String)
  pledgedOn!: string;
}

@ObjectType('PartyMeeting', { description: 'A recorded 三会一课 meeting.' })
export class PartyMeetingType {
  @Field(() => ID)
  id!: string;

  @Field(() => PartyMeetingKind)
  kind!: PartyMeetingKind;

  @Field(() => String)
  heldOn!: string;

  @Field(() => Int)
  attendance!: number;

  @Field(() => Int)
  absent!: number;

  @Field(() => String)
  minutes!: string;
}

@ObjectType('MeetingRule', {
  description: 'A branch of this kind holds this meeting at least once per period.',
})
export class MeetingRuleType {
  @Field(() => PartyOrganizationKind)
  branchKind!: PartyOrganizationKind;

  @Field(() => PartyMeetingKind)
  meetingKind!: PartyMeetingKind;

  @Field(() => MeetingPeriod)
  period!: MeetingPeriod;
}

@ObjectType('MeetingShortfall', {
  description: 'A required meeting a branch has not held yet in the current period.',
})
export class MeetingShortfallType {
  @Field(() => PartyOrganizationType, { nullable: true })
  branch?: PartyOrganizationType | null;

  @Field(() => PartyMeetingKind)
  meetingKind!: PartyMeetingKind;

  @Field(() => MeetingPeriod)
  period!: MeetingPeriod;

  @Field(() => String)
  periodStart!: string;
}

@InputType('CreatePartyPostInput')
export class CreatePartyPostInput {
  @Field(() => ID)
  branchId!: string;

  @Field(() => PartyPostKind)
  kind!: PartyPostKind;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  duties!: string;

  @Field(() => ID, { nullable: true, description: 'A member of the same branch.' })
  memberId?: string | null;
}

@InputType('CreatePartyPledgeInput')
export class CreatePartyPledgeInput {
  @Field(() => ID)
  memberId!: string;

  @Field(() => String)
  content!: string;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  pledgedOn!: string;
}

@InputType('RecordPartyMeetingInput')
export class RecordPartyMeetingInput {
  @Field(() => ID)
  branchId!: string;

  @Field(() => PartyMeetingKind)
  kind!: PartyMeetingKind;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  heldOn!: string;

  @Field(() => Int)
  attendance!: number;

  @Field(() => Int, { nullable: true })
  absent?: number | null;

  @Field(() => String)
  minutes!: string;
}
