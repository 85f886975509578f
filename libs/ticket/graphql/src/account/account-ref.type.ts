import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** org-service's `Account`, referenced by id only (reporters, timeline actors); the gateway fetches the rest. */
@ObjectType('Account')
@Directive('@key(fields: "id", resolvable: false)')
export class AccountRef {
  @Field(() => ID)
  id!: string;
}
