import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** org-service's `Account`; this subgraph adds `assessments`. */
@ObjectType('Account')
@Directive('@key(fields: "id")')
export class AccountRef {
  @Field(() => ID)
  id!: string;
}

/** org-service's `AdminUnit`, by code; this subgraph adds `colorCard`. */
@ObjectType('AdminUnit')
@Directive('@key(fields: "code")')
export class AdminUnitRef {
  @Field(() => String)
  code!: string;
}

/** org-service's `Department`; this subgraph adds `assessment`. */
@ObjectType('Department')
@Directive('@key(fields: "id")')
export class DepartmentRef {
  @Field(() => ID)
  id!: string;
}
