import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { RelationToHead } from '@gridgov/grid-data-access';

@ObjectType('ResidenceMove', {
  description: 'A household moving house, or a resident moving household or grid.',
})
export class ResidenceMoveType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  fromGridCode!: string;

  @Field(() => String)
  toGridCode!: string;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  movedOn!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@InputType('MoveHouseholdInput')
export class MoveHouseholdInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => ID, { description: 'The house moved into, in this grid or another.' })
  toHouseId!: string;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  movedOn!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType('MoveResidentInput', { description: 'Either toHouseholdId (with relation) or toGridCode.' })
export class MoveResidentInput {
  @Field(() => ID, { description: 'Not the head of a household: heads move with it (moveHousehold).' })
  residentId!: string;

  @Field(() => ID, { nullable: true })
  toHouseholdId?: string | null;

  @Field(() => RelationToHead, { nullable: true, description: 'Relation to the new head.' })
  relation?: RelationToHead | null;

  @Field(() => String, {
    nullable: true,
    description: 'A unit grid, when moving without joining a household.',
  })
  toGridCode?: string | null;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  movedOn!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}
