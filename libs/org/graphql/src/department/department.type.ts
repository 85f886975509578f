import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '@gridgov/platform-graphql';
import { DepartmentKind } from '@gridgov/org-data-access';

registerEnumType(DepartmentKind, {
  name: 'DepartmentKind',
  description: 'Kind of functional department (职能部门).',
});

@ObjectType('Department', {
  description: 'A functional department owned at an administrative unit; tickets are dispatched to it.',
})
@Directive('@key(fields: "id")')
export class DepartmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '12-digit code of the owning unit.' })
  unitCode!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DepartmentKind)
  kind!: DepartmentKind;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('DepartmentConnection')
export class DepartmentConnection extends ConnectionType(DepartmentType, 'Department') {}

@InputType('CreateDepartmentInput')
export class CreateDepartmentInput {
  @Field(() => String, { description: '12-digit code of the owning unit.' })
  unitCode!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DepartmentKind)
  kind!: DepartmentKind;
}

@InputType('DepartmentFilter')
export class DepartmentFilterInput {
  @Field(() => String, { nullable: true, description: 'Departments of this unit and the units below it.' })
  unitCode?: string | null;

  @Field(() => DepartmentKind, { nullable: true })
  kind?: DepartmentKind | null;
}
