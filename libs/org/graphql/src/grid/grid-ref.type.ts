import { Directive, Field, ObjectType } from 'type-graphql';

/** grid-service's `Grid`, keyed by its 15-digit code; org adds the fields it owns (`partyBranches`). */
@ObjectType('Grid')
@Directive('@key(fields: "code")')
export class GridRef {
  @Field(() => String)
  code!: string;
}
