import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Directive,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { PageArgs, paginate } from '@gridgov/platform-graphql';
import type { AccountEntity } from '@gridgov/org-data-access';
import type { OrgContext } from '../org-context';
import {
  AccountAuditConnection,
  AccountConnection,
  AccountType,
  CreateAccountInput,
  EffectivePermissionType,
  ExternalIdentityType,
  GrantRoleInput,
  LoginResultType,
  MeType,
  RoleGrantType,
} from './account.type';

@Resolver(() => AccountType)
export class AccountResolver {
  @Mutation(() => LoginResultType, { description: 'Signs in with username and password; public.' })
  async login(
    @Ctx() ctx: OrgContext,
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
  ): Promise<LoginResultType> {
    const { token, account } = await ctx.accounts.login(username, password, ctx.tokens);
    return { token, account, expiresAt: new Date(Date.now() + ctx.tokens.ttlSeconds * 1000) };
  }

  @Authorized()
  @Query(() => MeType, { description: 'The signed-in account, its grants and effective permissions.' })
  async me(@Ctx() ctx: OrgContext): Promise<MeType> {
    const account = await ctx.accounts.current();
    const grants = await ctx.accounts.grantsOf(account.id);
    const permissions: EffectivePermissionType[] = Object.values(Permission)
      .map((permission) => ({
        permission,
        scopeCodes: ctx.auth.scopePrefixes(permission),
        departmentIds: ctx.auth.departmentIds(permission),
      }))
      .filter((p) => p.scopeCodes.length > 0 || p.departmentIds.length > 0);
    return { account, grants, permissions };
  }

  @Authorized(Permission.ACCOUNT_READ)
  @Directive('@inaccessible')
  @Query(() => ExternalIdentityType, {
    nullable: true,
    description: 'Gateway only: the account linked to an OIDC subject.',
  })
  identityForExternalSubject(
    @Ctx() ctx: OrgContext,
    @Arg('issuer', () => String) issuer: string,
    @Arg('subject', () => String) subject: string,
  ) {
    return ctx.accounts.identityForExternalSubject(issuer, subject);
  }

  @Authorized(Permission.ACCOUNT_READ)
  @Query(() => AccountConnection, { description: 'Accounts managed within your scope, by username.' })
  accounts(@Ctx() ctx: OrgContext, @Args(() => PageArgs) page: PageArgs) {
    return paginate(ctx.accounts.listQuery(), page, { column: 'account.username', value: (a) => a.username });
  }

  @Authorized(Permission.AUDIT_READ)
  @Query(() => AccountAuditConnection, { description: 'Account changes within your scope, newest first.' })
  accountAudit(
    @Ctx() ctx: OrgContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('accountId', () => ID, { nullable: true }) accountId?: string,
  ) {
    return paginate(ctx.accounts.auditQuery({ accountId }), page, {
      column: 'audit.at',
      value: (a) => a.at,
      direction: 'DESC',
    });
  }

  @Authorized(Permission.ACCOUNT_MANAGE)
  @Mutation(() => AccountType)
  createAccount(@Ctx() ctx: OrgContext, @Arg('input', () => CreateAccountInput) input: CreateAccountInput) {
    return ctx.accounts.createAccount(input);
  }

  @Authorized(Permission.ACCOUNT_MANAGE)
  @Mutation(() => AccountType, {
    description: 'Disables (or re-enables) an account; it can no longer sign in.',
  })
  setAccountDisabled(
    @Ctx() ctx: OrgContext,
    @Arg('id', () => ID) id: string,
    @Arg('disabled', () => Boolean) disabled: boolean,
  ) {
    return ctx.accounts.setDisabled(id, disabled);
  }

  @Authorized(Permission.ACCOUNT_MANAGE)
  @Mutation(() => AccountType)
  resetAccountPassword(
    @Ctx() ctx: OrgContext,
    @Arg('id', () => ID) id: string,
    @Arg('newPassword', () => String) newPassword: string,
  ) {
    return ctx.accounts.resetPassword(id, newPassword);
  }

  @Authorized(Permission.ACCOUNT_MANAGE)
  @Mutation(() => RoleGrantType, { description: 'Takes effect at the account’s next sign-in.' })
  grantRole(@Ctx() ctx: OrgContext, @Arg('input', () => GrantRoleInput) input: GrantRoleInput) {
    return ctx.accounts.grantRole(input);
  }

  @Authorized(Permission.ACCOUNT_MANAGE)
  @Mutation(() => RoleGrantType, { description: 'Removes a grant; returns it as it was.' })
  revokeRole(@Ctx() ctx: OrgContext, @Arg('grantId', () => ID) grantId: string) {
    return ctx.accounts.revokeRole(grantId);
  }

  @FieldResolver(() => [RoleGrantType], {
    description: 'Your own grants, or any account’s within your account:read scope.',
  })
  grants(@Root() account: AccountEntity, @Ctx() ctx: OrgContext) {
    return ctx.accounts.visibleGrantRows(account);
  }
}
