import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ServiceNeedCategory, ServiceNeedStatus } from '@gridgov/grid-data-access';

registerEnumType(ServiceNeedCategory, {
  name: 'ServiceNeedCategory',
  description: '助餐, 居家照料, 就医, 就业, 教育, 住房, 法律, 心理, 其他.',
});
registerEnumType(ServiceNeedStatus, {
  name: 'ServiceNeedStatus',
  description: 'OPEN → IN_PROGRESS → MET; OPEN or IN_PROGRESS → CANCELLED (with a note).',
});

@ObjectType('ServiceNeed', {
  description: 'An entry of the personal service-need file (个性化服务需求档案).',
})
export class ServiceNeedType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  gridCode!: string;

  @Field(() => ID, { nullable: true })
  householdId!: string | null;

  @Field(() => ID, { nullable: true })
  residentId!: string | null;

  @Field(() => ServiceNeedCategory)
  category!: ServiceNeedCategory;

  @Field(() => String)
  description!: string;

  @Field(() => ServiceNeedStatus)
  status!: ServiceNeedStatus;

  @Field(() => String, { nullable: true, description: 'What was done, or why it was cancelled.' })
  statusNote!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@InputType('RecordServiceNeedInput', { description: 'Either householdId or residentId.' })
export class RecordServiceNeedInput {
  @Field(() => ID, { nullable: true })
  householdId?: string | null;

  @Field(() => ID, { nullable: true })
  residentId?: string | null;

  @Field(() => ServiceNeedCategory)
  category!: ServiceNeedCategory;

  @Field(() => String)
  description!: string;
}
