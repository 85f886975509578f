import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** grid-service's `Household`, keyed by id; this subgraph adds `tickets` (those concerning it). */
@ObjectType('Household')
@Directive('@key(fields: "id")')
export class HouseholdRef {
  @Field(() => ID)
  id!: string;
}
