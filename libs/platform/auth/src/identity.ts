import { Role } from './role';

/**
 * A role granted at a scope. `scopeCode` is an administrative unit or grid code: the grant covers
 * every code that starts with it ('' covers the whole platform). `departmentId` scopes a grant to
 * the tickets dispatched to one department.
 */
export interface Grant {
  role: Role;
  scopeCode?: string;
  departmentId?: string;
}

/** Who is calling, as forwarded by the gateway. `accountId` is null for anonymous (public) calls. */
export interface Identity {
  accountId: string | null;
  username?: string;
  grants: Grant[];
}

export const ANONYMOUS: Identity = Object.freeze({ accountId: null, grants: [] }) as Identity;
