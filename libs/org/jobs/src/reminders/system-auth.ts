import { AuthContext, Role } from '@gridgov/platform-auth';

/** Reminder jobs read platform-wide as the service role; they never write through scoped services. */
export const platformReader = () =>
  new AuthContext({ accountId: null, grants: [{ role: Role.SERVICE, scopeCode: '' }] });
