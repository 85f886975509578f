import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** org-service's `Department`, keyed by id; this subgraph adds `tickets` (those dispatched to it). */
@ObjectType('Department')
@Directive('@key(fields: "id")')
export class DepartmentRef {
  @Field(() => ID)
  id!: string;
}
