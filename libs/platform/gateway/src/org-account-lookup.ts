import { type Identity, Role, signIdentityToken } from '@gridgov/platform-auth';
import { IDENTITY_HEADER } from './signed-identity-data-source';

/**
 * For OIDC callers: asks org-service (which owns accounts) for the account linked to an external
 * subject, as the gateway itself, with a token only org-service accepts.
 */
export function orgAccountLookup(orgUrl: string, privateKey: string) {
  const gatewayIdentity: Identity = { accountId: 'gateway', username: 'gateway', grants: [{ role: Role.PLATFORM_ADMIN, scopeCode: '' }] };
  return async (issuer: string, subject: string): Promise<Identity | null> => {
    const response = await fetch(orgUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [IDENTITY_HEADER]: signIdentityToken(gatewayIdentity, { privateKey, audience: 'org', ttlSeconds: 30 }),
      },
      body: JSON.stringify({
        query: `query($issuer: String!, $subject: String!) {
          identityForExternalSubject(issuer: $issuer, subject: $subject) { accountId username grants { role scopeCode departmentId } }
        }`,
        variables: { issuer, subject },
      }),
      signal: AbortSignal.timeout(5000),
    });
    const body = (await response.json()) as { data?: { identityForExternalSubject: Identity | null } };
    const found = body.data?.identityForExternalSubject;
    if (!found) return null;
    const grants = found.grants.map((g) => ({
      role: g.role,
      ...(g.scopeCode != null ? { scopeCode: g.scopeCode } : {}),
      ...(g.departmentId != null ? { departmentId: g.departmentId } : {}),
    }));
    return { accountId: found.accountId, username: found.username, grants };
  };
}
