import { forbidden, unauthenticated } from '@gridgov/platform-errors';
import { Identity } from './identity';
import { Permission, ROLE_PERMISSIONS } from './permission';

/**
 * Answers permission and scope questions for one request. Scope is a code prefix: a grant at
 * unit `520302` covers unit `520302001` and grid `520302001001001`.
 */
export class AuthContext {
  constructor(readonly identity: Identity) {}

  get isAuthenticated(): boolean {
    return this.identity.accountId !== null;
  }

  get accountId(): string {
    if (this.identity.accountId === null) throw unauthenticated();
    return this.identity.accountId;
  }

  /** True when any grant carries the permission, whatever its scope. */
  hasPermission(permission: Permission): boolean {
    return this.identity.grants.some((g) => ROLE_PERMISSIONS[g.role]?.includes(permission));
  }

  /** Code prefixes within which the permission holds ('' means everywhere). */
  scopePrefixes(permission: Permission): string[] {
    const prefixes = this.identity.grants
      .filter((g) => g.scopeCode !== undefined && ROLE_PERMISSIONS[g.role]?.includes(permission))
      .map((g) => g.scopeCode as string);
    return prefixes.includes('') ? [''] : [...new Set(prefixes)];
  }

  /** Departments within which the permission holds. */
  departmentIds(permission: Permission): string[] {
    return [
      ...new Set(
        this.identity.grants
          .filter((g) => g.departmentId !== undefined && ROLE_PERMISSIONS[g.role]?.includes(permission))
          .map((g) => g.departmentId as string),
      ),
    ];
  }

  can(permission: Permission, code: string): boolean {
    return this.scopePrefixes(permission).some((prefix) => code.startsWith(prefix));
  }

  /** Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN when the code is outside the caller's scope. */
  assert(permission: Permission, code: string): void {
    if (!this.isAuthenticated) throw unauthenticated();
    if (!this.can(permission, code)) {
      throw forbidden(`You do not have ${permission} for ${code}`);
    }
  }

  assertAnywhere(permission: Permission): void {
    if (!this.isAuthenticated) throw unauthenticated();
    if (!this.hasPermission(permission)) throw forbidden(`You do not have ${permission}`);
  }
}
