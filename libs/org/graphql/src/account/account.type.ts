import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Permission, Role } from '@gridgov/platform-auth';

registerEnumType(Role, { name: 'Role' });
registerEnumType(Permission, { name: 'Permission' });

@ObjectType('Account', { description: 'A staff (or resident) account.' })
@Directive('@key(fields: "id")')
export class AccountType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  username!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => Boolean)
  disabled!: boolean;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('RoleGrant', { description: 'A role at a scope: a unit or grid code prefix, or a department.' })
export class RoleGrantType {
  @Field(() => Role)
  role!: Role;

  @Field(() => String, { nullable: true, description: "Code prefix the grant covers; '' is the whole platform." })
  scopeCode?: string | null;

  @Field(() => ID, { nullable: true })
  departmentId?: string | null;
}

@ObjectType('EffectivePermission')
export class EffectivePermissionType {
  @Field(() => Permission)
  permission!: Permission;

  @Field(() => [String], { description: 'Code prefixes where it holds.' })
  scopeCodes!: string[];

  @Field(() => [ID], { description: 'Departments where it holds.' })
  departmentIds!: string[];
}

@ObjectType('Me')
export class MeType {
  @Field(() => AccountType)
  account!: AccountType;

  @Field(() => [RoleGrantType])
  grants!: RoleGrantType[];

  @Field(() => [EffectivePermissionType])
  permissions!: EffectivePermissionType[];
}

@ObjectType('LoginResult')
export class LoginResultType {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => AccountType)
  account!: AccountType;
}

@ObjectType('ExternalIdentity')
export class ExternalIdentityType {
  @Field(() => ID)
  accountId!: string;

  @Field(() => String)
  username!: string;

  @Field(() => [RoleGrantType])
  grants!: RoleGrantType[];
}
