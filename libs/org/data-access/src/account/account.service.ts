import { DataSource, Repository } from 'typeorm';
import {
  AuthContext,
  type Grant,
  hashPassword,
  type Identity,
  Permission,
  Role,
  signAccessToken,
  verifyPassword,
} from '@gridgov/platform-auth';
import { forbidden, notFound, unauthenticated } from '@gridgov/platform-errors';
import { AccountEntity } from './account.entity';
import { RoleGrantEntity } from './role-grant.entity';

export interface TokenSettings {
  secret: string;
  ttlSeconds: number;
}

export function toGrant(row: RoleGrantEntity): Grant {
  return {
    role: row.role,
    ...(row.scopeCode !== null ? { scopeCode: row.scopeCode } : {}),
    ...(row.departmentId !== null ? { departmentId: row.departmentId } : {}),
  };
}

/** Accounts, their grants, and signing in. */
export class AccountService {
  private readonly accounts: Repository<AccountEntity>;
  private readonly grants: Repository<RoleGrantEntity>;

  constructor(
    dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {
    this.accounts = dataSource.getRepository(AccountEntity);
    this.grants = dataSource.getRepository(RoleGrantEntity);
  }

  /** Same answer and similar time for an unknown user and a wrong password, so usernames cannot be probed. */
  async login(username: string, password: string, tokens: TokenSettings): Promise<{ token: string; account: AccountEntity }> {
    const account = await this.accounts
      .createQueryBuilder('account')
      .addSelect('account.passwordHash')
      .where('lower(account.username) = lower(:username)', { username: username.trim() })
      .getOne();
    const valid = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !valid || !account.passwordHash) throw unauthenticated('Wrong username or password');
    if (account.disabled) throw unauthenticated('This account is disabled; ask your unit administrator');
    const grants = await this.grantsOf(account.id);
    const token = signAccessToken({ sub: account.id, usr: account.username, grants }, tokens.secret, tokens.ttlSeconds);
    return { token, account };
  }

  async grantsOf(accountId: string): Promise<Grant[]> {
    const rows = await this.grants.find({ where: { accountId }, order: { grantedAt: 'ASC' } });
    return rows.map(toGrant);
  }

  async current(): Promise<AccountEntity> {
    const account = await this.accounts.findOneBy({ id: this.auth.accountId });
    if (!account) throw notFound('Account', this.auth.accountId);
    return account;
  }

  /** Accounts by id for federation; only the caller's own account or with account:read. */
  async findVisibleByIds(ids: readonly string[]): Promise<(AccountEntity | null)[]> {
    const rows = await this.accounts.createQueryBuilder('account').where('account.id IN (:...ids)', { ids }).getMany();
    const mayReadOthers = this.auth.hasPermission(Permission.ACCOUNT_READ);
    const byId = new Map(rows.filter((a) => mayReadOthers || a.id === this.auth.identity.accountId).map((a) => [a.id, a]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Used by the gateway for OIDC callers; only a platform-wide administrator identity may ask. */
  async identityForExternalSubject(issuer: string, subject: string): Promise<Identity | null> {
    if (!this.auth.scopePrefixes(Permission.ACCOUNT_READ).includes('')) throw forbidden();
    const account = await this.accounts.findOneBy({ externalIssuer: issuer, externalSubject: subject, disabled: false });
    if (!account) return null;
    return { accountId: account.id, username: account.username, grants: await this.grantsOf(account.id) };
  }

  /**
   * On first start (no account at all) creates the platform administrator, so a new installation can
   * be signed into. Returns the created username, or null when accounts exist already.
   */
  static async ensureInitialAdmin(dataSource: DataSource, username: string, password: string): Promise<string | null> {
    return dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE`);
      if ((await manager.count(AccountEntity)) > 0) return null;
      const account = await manager.save(
        manager.create(AccountEntity, { username, displayName: 'Platform administrator', passwordHash: await hashPassword(password) }),
      );
      await manager.save(manager.create(RoleGrantEntity, { accountId: account.id, role: Role.PLATFORM_ADMIN, scopeCode: '' }));
      return username;
    });
  }
}

// Verified against when the username is unknown, so both paths cost one scrypt.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
