import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

const REFRESH_MS = 10 * 60_000;
const MIN_REFETCH_MS = 30_000;

/**
 * Public keys of an OIDC issuer by key id, from its JWKS URL; refreshed periodically and when an
 * unknown `kid` appears (key rotation), at most every 30 s so a bad token cannot flood the issuer.
 */
export function createJwksKeySource(jwksUri: string) {
  let keys = new Map<string, KeyObject>();
  let fetchedAt = 0;

  async function refresh(): Promise<void> {
    const response = await fetch(jwksUri, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`JWKS ${jwksUri} answered ${response.status}`);
    const body = (await response.json()) as { keys?: (JsonWebKey & { kid?: string; use?: string })[] };
    keys = new Map(
      (body.keys ?? [])
        .filter((jwk) => jwk.kid && (jwk.use === undefined || jwk.use === 'sig'))
        .map((jwk) => [jwk.kid as string, createPublicKey({ key: jwk, format: 'jwk' })]),
    );
    fetchedAt = Date.now();
  }

  return async function keyFor(kid: string | undefined): Promise<KeyObject> {
    if (!kid) throw new Error('the token header has no kid');
    const age = Date.now() - fetchedAt;
    if (age > REFRESH_MS || (!keys.has(kid) && age > MIN_REFETCH_MS)) await refresh();
    const key = keys.get(kid);
    if (!key) throw new Error(`the issuer has no signing key ${kid}`);
    return key;
  };
}
