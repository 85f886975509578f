import { DataSource, type EntityManager, Repository, type SelectQueryBuilder } from 'typeorm';
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
import { isUniqueViolation } from '@gridgov/platform-database';
import {
  badInput,
  conflict,
  forbidden,
  InputProblems,
  notFound,
  unauthenticated,
} from '@gridgov/platform-errors';
import { AdminUnitLevel, levelOfCode, significantPrefix } from '../admin-unit/admin-unit-code';
import { AdminUnitEntity } from '../admin-unit/admin-unit.entity';
import { DepartmentEntity } from '../department/department.entity';
import { AccountAuditAction, AccountAuditEntity } from './account-audit.entity';
import { AccountEntity } from './account.entity';
import { whereCodeInScope } from '../scope-filter';
import { RoleGrantEntity } from './role-grant.entity';

export interface TokenSettings {
  secret: string;
  ttlSeconds: number;
}

export interface CreateAccountInput {
  username: string;
  displayName: string;
  password: string;
  /** The unit that manages the account (12-digit code). */
  unitCode: string;
}

/** At most one of unitCode, gridCode and departmentId; none means the whole platform. */
export interface GrantRoleInput {
  accountId: string;
  role: Role;
  unitCode?: string | null;
  gridCode?: string | null;
  departmentId?: string | null;
}

export interface AccountAuditFilter {
  accountId?: string | null;
}

const MIN_PASSWORD_LENGTH = 10;
const GRID_CODE = /^\d{15}$/;

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
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {
    this.accounts = dataSource.getRepository(AccountEntity);
    this.grants = dataSource.getRepository(RoleGrantEntity);
  }

  /** Same answer and similar time for an unknown user and a wrong password, so usernames cannot be probed. */
  async login(
    username: string,
    password: string,
    tokens: TokenSettings,
  ): Promise<{ token: string; account: AccountEntity }> {
    const account = await this.accounts
      .createQueryBuilder('account')
      .addSelect('account.passwordHash')
      .where('lower(account.username) = lower(:username)', { username: username.trim() })
      .getOne();
    const valid = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !valid || !account.passwordHash) throw unauthenticated('Wrong username or password');
    if (account.disabled) throw unauthenticated('This account is disabled; ask your unit administrator');
    const grants = await this.grantsOf(account.id);
    const token = signAccessToken(
      { sub: account.id, usr: account.username, grants },
      tokens.secret,
      tokens.ttlSeconds,
    );
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
    const rows = await this.accounts
      .createQueryBuilder('account')
      .where('account.id IN (:...ids)', { ids })
      .getMany();
    const mayReadOthers = this.auth.hasPermission(Permission.ACCOUNT_READ);
    const byId = new Map(
      rows.filter((a) => mayReadOthers || a.id === this.auth.identity.accountId).map((a) => [a.id, a]),
    );
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Used by the gateway for OIDC callers; only a platform-wide administrator identity may ask. */
  async identityForExternalSubject(issuer: string, subject: string): Promise<Identity | null> {
    if (!this.auth.scopePrefixes(Permission.ACCOUNT_READ).includes('')) throw forbidden();
    const account = await this.accounts.findOneBy({
      externalIssuer: issuer,
      externalSubject: subject,
      disabled: false,
    });
    if (!account) return null;
    return { accountId: account.id, username: account.username, grants: await this.grantsOf(account.id) };
  }

  /** Accounts managed within the caller's account:read scope. */
  listQuery(): SelectQueryBuilder<AccountEntity> {
    this.auth.assertAnywhere(Permission.ACCOUNT_READ);
    const query = this.accounts.createQueryBuilder('account');
    whereCodeInScope(query, 'account.managedAt', this.auth.scopePrefixes(Permission.ACCOUNT_READ));
    return query;
  }

  /** Accounts holding a role at the department; empty without account:read over its unit. */
  async handlersOf(department: DepartmentEntity): Promise<AccountEntity[]> {
    if (!this.auth.can(Permission.ACCOUNT_READ, department.unitCode)) return [];
    return this.accounts
      .createQueryBuilder('account')
      .where('account.id IN (SELECT g.account_id FROM role_grant g WHERE g.department_id = :departmentId)', {
        departmentId: department.id,
      })
      .orderBy('account.username')
      .getMany();
  }

  /** An account's grants: its own, or any within the caller's account:read scope. */
  async visibleGrantRows(account: AccountEntity): Promise<RoleGrantEntity[]> {
    const own = account.id === this.auth.identity.accountId;
    if (!own && !this.auth.can(Permission.ACCOUNT_READ, account.managedAt)) return [];
    return this.grants.find({ where: { accountId: account.id }, order: { grantedAt: 'ASC' } });
  }

  async createAccount(input: CreateAccountInput): Promise<AccountEntity> {
    const username = input.username.trim();
    const displayName = input.displayName.trim();
    new InputProblems()
      .check(
        /^[A-Za-z0-9._-]{3,64}$/.test(username),
        'input.username',
        'must be 3 to 64 letters, digits, dots, dashes or underscores',
      )
      .check(
        displayName.length >= 2 && displayName.length <= 100,
        'input.displayName',
        'must be 2 to 100 characters',
      )
      .check(
        input.password.length >= MIN_PASSWORD_LENGTH,
        'input.password',
        `must be at least ${MIN_PASSWORD_LENGTH} characters`,
      )
      .check(
        levelOfCode(input.unitCode) !== undefined,
        'input.unitCode',
        'must be a 12-digit administrative unit code',
      )
      .throwIfAny();
    const managedAt = significantPrefix(input.unitCode);
    this.auth.assert(Permission.ACCOUNT_MANAGE, managedAt);
    await this.assertUnitExists(input.unitCode, 'input.unitCode');
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const account = await manager.save(
          manager.create(AccountEntity, { username, displayName, passwordHash, managedAt }),
        );
        await this.audit(manager, account.id, AccountAuditAction.CREATE, managedAt, null, {
          username,
          displayName,
          managedAt,
        });
        return account;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'account_username_key'))
        throw conflict(`The username ${username} is taken`);
      throw error;
    }
  }

  async setDisabled(id: string, disabled: boolean): Promise<AccountEntity> {
    const account = await this.manageable(id);
    if (account.id === this.auth.accountId)
      throw badInput('id', 'you cannot disable or enable your own account');
    if (account.disabled === disabled) return account;
    return this.dataSource.transaction(async (manager) => {
      const action = disabled ? AccountAuditAction.DISABLE : AccountAuditAction.ENABLE;
      await this.audit(
        manager,
        account.id,
        action,
        account.managedAt,
        { disabled: account.disabled },
        { disabled },
      );
      account.disabled = disabled;
      return manager.save(account);
    });
  }

  /** Sets a new password chosen by the administrator; the hash itself never enters the audit. */
  async resetPassword(id: string, newPassword: string): Promise<AccountEntity> {
    if (newPassword.length < MIN_PASSWORD_LENGTH)
      throw badInput('newPassword', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
    const account = await this.manageable(id);
    const passwordHash = await hashPassword(newPassword);
    return this.dataSource.transaction(async (manager) => {
      await manager.update(AccountEntity, { id }, { passwordHash });
      await this.audit(manager, id, AccountAuditAction.RESET_PASSWORD, account.managedAt, null, null);
      return account;
    });
  }

  /**
   * Grants a role at a unit (stored as its significant prefix), a grid or a department. The caller
   * needs account:manage over that scope; PLATFORM_ADMIN only comes from a platform-wide manager.
   */
  async grantRole(input: GrantRoleInput): Promise<RoleGrantEntity> {
    if (!Object.values(Role).includes(input.role)) throw badInput('input.role', 'unknown role');
    const targets = [input.unitCode, input.gridCode, input.departmentId].filter((t) => t != null && t !== '');
    if (targets.length > 1)
      throw badInput('input.unitCode', 'give at most one of unitCode, gridCode and departmentId');
    if (input.role === Role.PLATFORM_ADMIN && targets.length > 0) {
      throw badInput(
        'input.role',
        'PLATFORM_ADMIN is granted platform-wide only (no unit, grid or department)',
      );
    }
    const { scopeCode, departmentId, auditScope } = await this.grantTarget(input);
    this.auth.assert(Permission.ACCOUNT_MANAGE, auditScope);
    const account = await this.accounts.findOneBy({ id: input.accountId });
    if (!account) throw badInput('input.accountId', `no account has id ${input.accountId}`);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const grant = await manager.save(
          manager.create(RoleGrantEntity, {
            accountId: account.id,
            role: input.role,
            scopeCode,
            departmentId,
            grantedBy: this.auth.accountId,
          }),
        );
        await this.audit(
          manager,
          account.id,
          AccountAuditAction.GRANT_ROLE,
          auditScope,
          null,
          grantSnapshot(grant),
        );
        return grant;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'role_grant_unique_key'))
        throw conflict('The account holds this role at this scope already');
      throw error;
    }
  }

  async revokeRole(grantId: string): Promise<RoleGrantEntity> {
    const grant = await this.grants.findOneBy({ id: grantId });
    if (!grant) throw notFound('RoleGrant', grantId);
    const auditScope = grant.departmentId
      ? await this.departmentScope(grant.departmentId, 'grantId')
      : (grant.scopeCode ?? '');
    this.auth.assert(Permission.ACCOUNT_MANAGE, auditScope);
    return this.dataSource.transaction(async (manager) => {
      await manager.delete(RoleGrantEntity, { id: grant.id });
      await this.audit(
        manager,
        grant.accountId,
        AccountAuditAction.REVOKE_ROLE,
        auditScope,
        grantSnapshot(grant),
        null,
      );
      return grant;
    });
  }

  /** Audit entries whose scope lies within the caller's audit:read scope, newest first. */
  auditQuery(filter: AccountAuditFilter): SelectQueryBuilder<AccountAuditEntity> {
    this.auth.assertAnywhere(Permission.AUDIT_READ);
    const query = this.dataSource.getRepository(AccountAuditEntity).createQueryBuilder('audit');
    whereCodeInScope(query, 'audit.scopeCode', this.auth.scopePrefixes(Permission.AUDIT_READ));
    if (filter.accountId) query.andWhere('audit.accountId = :accountId', { accountId: filter.accountId });
    return query;
  }

  private async grantTarget(
    input: GrantRoleInput,
  ): Promise<{ scopeCode: string | null; departmentId: string | null; auditScope: string }> {
    if (input.departmentId) {
      return {
        scopeCode: null,
        departmentId: input.departmentId,
        auditScope: await this.departmentScope(input.departmentId, 'input.departmentId'),
      };
    }
    if (input.gridCode) {
      if (
        !GRID_CODE.test(input.gridCode) ||
        levelOfCode(input.gridCode.slice(0, 12)) !== AdminUnitLevel.COMMUNITY
      ) {
        throw badInput(
          'input.gridCode',
          'must be a 15-digit grid code: a community code and a 3-digit sequence',
        );
      }
      return { scopeCode: input.gridCode, departmentId: null, auditScope: input.gridCode };
    }
    if (input.unitCode) {
      if (levelOfCode(input.unitCode) === undefined)
        throw badInput('input.unitCode', 'must be a 12-digit administrative unit code');
      await this.assertUnitExists(input.unitCode, 'input.unitCode');
      const scopeCode = significantPrefix(input.unitCode);
      return { scopeCode, departmentId: null, auditScope: scopeCode };
    }
    return { scopeCode: '', departmentId: null, auditScope: '' };
  }

  /** A department's scope for account management is the significant prefix of the unit that owns it. */
  private async departmentScope(departmentId: string, field: string): Promise<string> {
    const department = await this.dataSource.getRepository(DepartmentEntity).findOneBy({ id: departmentId });
    if (!department) throw badInput(field, `no department has id ${departmentId}`);
    return significantPrefix(department.unitCode);
  }

  private async assertUnitExists(code: string, field: string): Promise<void> {
    if (!(await this.dataSource.getRepository(AdminUnitEntity).existsBy({ code }))) {
      throw badInput(field, `no administrative unit has code ${code}`);
    }
  }

  private async manageable(id: string): Promise<AccountEntity> {
    const account = await this.accounts.findOneBy({ id });
    if (!account) throw notFound('Account', id);
    this.auth.assert(Permission.ACCOUNT_MANAGE, account.managedAt);
    return account;
  }

  private async audit(
    manager: EntityManager,
    accountId: string,
    action: AccountAuditAction,
    scopeCode: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ): Promise<void> {
    await manager.save(
      manager.create(AccountAuditEntity, {
        actorId: this.auth.accountId,
        accountId,
        action,
        scopeCode,
        before,
        after,
      }),
    );
  }

  /**
   * On first start (no account at all) creates the platform administrator, so a new installation can
   * be signed into. Returns the created username, or null when accounts exist already.
   */
  static async ensureInitialAdmin(
    dataSource: DataSource,
    username: string,
    password: string,
  ): Promise<string | null> {
    return dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE`);
      if ((await manager.count(AccountEntity)) > 0) return null;
      const account = await manager.save(
        manager.create(AccountEntity, {
          username,
          displayName: 'Platform administrator',
          passwordHash: await hashPassword(password),
        }),
      );
      await manager.save(
        manager.create(RoleGrantEntity, { accountId: account.id, role: Role.PLATFORM_ADMIN, scopeCode: '' }),
      );
      return username;
    });
  }
}

function grantSnapshot(grant: RoleGrantEntity): Record<string, unknown> {
  return {
    grantId: grant.id,
    role: grant.role,
    scopeCode: grant.scopeCode,
    departmentId: grant.departmentId,
  };
}

// Verified against when the username is unknown, so both paths cost one scrypt.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
