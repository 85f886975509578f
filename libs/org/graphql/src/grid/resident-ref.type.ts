import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** grid-service's `Resident`, referenced by id only; grid-service resolves it under its own scope and masking rules. */
@ObjectType('Resident')
@Directive('@key(fields: "id", resolvable: false)')
export class ResidentRef {
  @Field(() => ID)
  id!: string;
}
