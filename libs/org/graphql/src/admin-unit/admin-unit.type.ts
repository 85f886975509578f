import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '@gridgov/platform-graphql';
import { AdminUnitLevel } from '@gridgov/org-data-access';

registerEnumType(AdminUnitLevel, { name: 'AdminUnitLevel', description: 'Level in the administrative tree, from the code.' });

@ObjectType('AdminUnit', { description: 'An administrative unit (province … community/village) with its 12-digit division code.' })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
export class AdminUnitType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '12-digit statistical division code (统计用区划代码).' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AdminUnitLevel)
  level!: AdminUnitLevel;

  @Field(() => Boolean, { description: 'Rural units use the rural grid-size guidance.' })
  rural!: boolean;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('AdminUnitConnection')
export class AdminUnitConnection extends ConnectionType(AdminUnitType, 'AdminUnit') {}

@InputType('CreateAdminUnitInput')
export class CreateAdminUnitInput {
  @Field(() => String, { description: '12-digit code; it must lie under the parent code.' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Code of the parent unit; omit only for a root (platform admins).' })
  parentCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Defaults to the parent’s value.' })
  rural?: boolean | null;
}

@InputType('AdminUnitFilter')
export class AdminUnitFilterInput {
  @Field(() => String, { nullable: true, description: 'Only the direct children of this unit.' })
  parentCode?: string | null;

  @Field(() => AdminUnitLevel, { nullable: true })
  level?: AdminUnitLevel | null;

  @Field(() => String, { nullable: true, description: 'Digits match a code prefix; other text a part of the name.' })
  search?: string | null;
}
