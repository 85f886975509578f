import type { AuthChecker } from 'type-graphql';
import { forbidden, unauthenticated } from '@gridgov/platform-errors';
import type { AuthContext } from './auth-context';
import type { Permission } from './permission';

/**
 * type-graphql checker for `@Authorized(Permission.X, …)`: the caller must be signed in and hold one
 * of the permissions somewhere. Scope (which codes) is checked where the code is known, in services.
 */
export const permissionAuthChecker: AuthChecker<{ auth: AuthContext }, Permission> = ({ context }, permissions) => {
  if (!context.auth.isAuthenticated) throw unauthenticated();
  if (permissions.length === 0 || permissions.some((p) => context.auth.hasPermission(p))) return true;
  throw forbidden(`This needs one of: ${permissions.join(', ')}`);
};
