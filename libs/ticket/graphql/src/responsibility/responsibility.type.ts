import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DepartmentRef } from '../department/department-ref.type';

@ObjectType('ResponsibilityRule', {
  description:
    'A line of a responsibility list (责任清单): in this unit and below, tickets of the category go to the lead department (主体责任) with the cooperating ones (配合责任).',
})
export class ResponsibilityRuleType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    description: 'Unit code prefix (2, 4, 6, 9 or 12 digits); units below inherit the line.',
  })
  unitCode!: string;

  @Field(() => String, { description: "A category and its children; '' for every category." })
  categoryPrefix!: string;

  @Field(() => ID)
  leadDepartmentId!: string;

  @Field(() => [ID])
  cooperatingDepartmentIds!: string[];

  @Field(() => DepartmentRef, { description: 'The lead department (from org-service).' })
  leadDepartment!: DepartmentRef;

  @Field(() => [DepartmentRef])
  cooperatingDepartments!: DepartmentRef[];

  @Field(() => Date)
  updatedAt!: Date;
}

@InputType('ResponsibilityRuleInput')
export class ResponsibilityRuleInput {
  @Field(() => String, { description: 'The unit whose line this is; needs ticket:configure covering it.' })
  unitCode!: string;

  @Field(() => String, { nullable: true, description: 'A category code; empty or null for every category.' })
  categoryPrefix?: string | null;

  @Field(() => ID)
  leadDepartmentId!: string;

  @Field(() => [ID], { nullable: true, description: 'At most 10, not the lead department.' })
  cooperatingDepartmentIds?: string[] | null;
}
