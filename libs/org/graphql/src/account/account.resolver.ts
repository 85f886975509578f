import { Arg, Authorized, Ctx, Directive, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import type { OrgContext } from '../org-context';
import { AccountType, EffectivePermissionType, ExternalIdentityType, LoginResultType, MeType } from './account.type';

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
  @Query(() => ExternalIdentityType, { nullable: true, description: 'Gateway only: the account linked to an OIDC subject.' })
  identityForExternalSubject(
    @Ctx() ctx: OrgContext,
    @Arg('issuer', () => String) issuer: string,
    @Arg('subject', () => String) subject: string,
  ) {
    return ctx.accounts.identityForExternalSubject(issuer, subject);
  }
}
