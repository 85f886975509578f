import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '@gridgov/platform-graphql';

@ObjectType('VolunteerTeam')
export class VolunteerTeamType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  unitCode!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType('VolunteerActivity')
export class VolunteerActivityType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  place!: string;

  @Field(() => String, { nullable: true, description: 'Grid where it takes place.' })
  gridCode?: string | null;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => Int)
  capacity!: number;

  @Field(() => String)
  unitCode!: string;
}

@ObjectType('VolunteerActivityConnection')
export class VolunteerActivityConnection extends ConnectionType(VolunteerActivityType, 'VolunteerActivity') {}

@ObjectType('VolunteerSignup')
export class VolunteerSignupType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ID, { nullable: true })
  partyMemberId?: string | null;

  @Field(() => ID, { nullable: true })
  residentId?: string | null;

  @Field(() => Date, { nullable: true })
  checkedInAt?: Date | null;

  @Field(() => Date, { nullable: true })
  checkedOutAt?: Date | null;

  @Field(() => Float, { nullable: true, description: 'Credited at check-out.' })
  serviceHours?: number | null;
}

@InputType('CreateVolunteerTeamInput')
export class CreateVolunteerTeamInput {
  @Field(() => String)
  unitCode!: string;

  @Field(() => String)
  name!: string;
}

@InputType('CreateVolunteerActivityInput')
export class CreateVolunteerActivityInput {
  @Field(() => ID)
  teamId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  place!: string;

  @Field(() => String, { nullable: true })
  gridCode?: string | null;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => Int)
  capacity!: number;
}

@InputType('SignUpVolunteerInput', { description: 'A party member, a resident, or just a name.' })
export class SignUpVolunteerInput {
  @Field(() => ID)
  activityId!: string;

  @Field(() => String, { nullable: true, description: 'Defaults to the party member’s name.' })
  name?: string | null;

  @Field(() => ID, { nullable: true })
  partyMemberId?: string | null;

  @Field(() => ID, { nullable: true })
  residentId?: string | null;
}

@InputType('VolunteerActivityFilter')
export class VolunteerActivityFilterInput {
  @Field(() => String, { nullable: true })
  unitCode?: string | null;

  @Field(() => String, { nullable: true })
  gridCode?: string | null;

  @Field(() => ID, { nullable: true })
  teamId?: string | null;
}
