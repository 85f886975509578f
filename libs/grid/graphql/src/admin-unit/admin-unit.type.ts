import { Directive, Field, ObjectType } from 'type-graphql';

/** org-service's AdminUnit, as grid-service knows it: only its key, to hang `grids` on. */
@ObjectType('AdminUnit')
@Directive('@key(fields: "code")')
export class AdminUnitRef {
  @Field(() => String)
  code!: string;
}
