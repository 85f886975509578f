import { hashPassword, Role } from '@gridgov/platform-auth';
import type { TestGraph } from '@gridgov/platform-testing';
import { AccountEntity, RoleGrantEntity } from '@gridgov/org-data-access';

/** A test account with one grant: at a scope code (a string) or for a department. */
export type TestPerson = readonly [
  username: string,
  role: Role,
  grant: string | { scopeCode?: string; departmentId?: string },
];

const PASSWORD = 'e2e-pass-2026';

/**
 * Writes the accounts and their grants into org-service's tables (set-up only; what a test checks
 * goes through the gateway), then signs each one in through the gateway's `login`.
 */
export async function signInPeople(
  graph: TestGraph,
  people: readonly TestPerson[],
): Promise<{ tokens: Record<string, string>; accountIds: Record<string, string> }> {
  const org = graph.subgraphs['org'].dataSource;
  const passwordHash = await hashPassword(PASSWORD);
  const tokens: Record<string, string> = {};
  const accountIds: Record<string, string> = {};
  for (const [username, role, grant] of people) {
    const account = await org
      .getRepository(AccountEntity)
      .save({ username, displayName: username, passwordHash });
    const where = typeof grant === 'string' ? { scopeCode: grant } : grant;
    await org.getRepository(RoleGrantEntity).save({ accountId: account.id, role, ...where });
    const login = await graph.query<{ login: { token: string } }>(
      `mutation Login($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
      { u: username, p: PASSWORD },
    );
    if (login.errors) throw new Error(`login of ${username} failed: ${login.errors[0]?.message}`);
    tokens[username] = login.data!.login.token;
    accountIds[username] = account.id;
  }
  return { tokens, accountIds };
}
