import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Permission, Role } from '@gridgov/platform-auth';
import { ConnectionType, JSONScalar } from '@gridgov/platform-graphql';
import { AccountAuditAction } from '@gridgov/org-data-access';

registerEnumType(Role, { name: 'Role' });
registerEnumType(Permission, { name: 'Permission' });
registerEnumType(AccountAuditAction, { name: 'AccountAuditAction' });

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
  @Field(() => ID, {
    nullable: true,
    description: 'Set on stored grants (Account.grants); revokeRole takes it.',
  })
  id?: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => String, {
    nullable: true,
    description: "Code prefix the grant covers; '' is the whole platform.",
  })
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

@ObjectType('AccountConnection')
export class AccountConnection extends ConnectionType(AccountType, 'Account') {}

@ObjectType('AccountAuditEntry', { description: 'One change to an account or its grants.' })
export class AccountAuditEntryType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The account that made the change.' })
  actorId!: string;

  @Field(() => ID)
  accountId!: string;

  @Field(() => AccountAuditAction)
  action!: AccountAuditAction;

  @Field(() => String, { description: 'Where the change happened (code prefix).' })
  scopeCode!: string;

  @Field(() => JSONScalar, { nullable: true })
  before?: Record<string, unknown> | null;

  @Field(() => JSONScalar, { nullable: true })
  after?: Record<string, unknown> | null;

  @Field(() => Date)
  at!: Date;
}

@ObjectType('AccountAuditConnection')
export class AccountAuditConnection extends ConnectionType(AccountAuditEntryType, 'AccountAuditEntry') {}

@InputType('CreateAccountInput')
export class CreateAccountInput {
  @Field(() => String)
  username!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => String, { description: 'Initial password, at least 10 characters.' })
  password!: string;

  @Field(() => String, { description: '12-digit code of the unit that manages the account.' })
  unitCode!: string;
}

@InputType('GrantRoleInput', {
  description: 'At most one of unitCode, gridCode, departmentId; none grants platform-wide.',
})
export class GrantRoleInput {
  @Field(() => ID)
  accountId!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => String, {
    nullable: true,
    description: '12-digit unit code; stored as its significant prefix.',
  })
  unitCode?: string | null;

  @Field(() => String, { nullable: true, description: '15-digit grid code.' })
  gridCode?: string | null;

  @Field(() => ID, { nullable: true })
  departmentId?: string | null;
}
