import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { Grant, Identity } from './identity';

const ISSUER = 'gridgov-gateway';
const ALGORITHM = 'ES256';

// Parsing a PEM costs more than signing with it: every request signs or verifies one token per
// subgraph, so each key string is parsed once per process.
const parsedKeys = new Map<string, KeyObject>();
function keyObject(pem: string, parse: (pem: string) => KeyObject): KeyObject {
  let key = parsedKeys.get(pem);
  if (!key) parsedKeys.set(pem, (key = parse(pem)));
  return key;
}

/**
 * The gateway forwards the caller's identity to each subgraph as a short-lived token signed with
 * its private key, audience = that subgraph. Subgraphs hold only the public key, so no subgraph
 * (and nobody around the gateway) can mint one.
 */
export function signIdentityToken(
  identity: Identity,
  options: { privateKey: string; audience: string; ttlSeconds?: number },
): string {
  return jwt.sign({ usr: identity.username, grants: identity.grants }, keyObject(options.privateKey, createPrivateKey), {
    algorithm: ALGORITHM,
    issuer: ISSUER,
    audience: options.audience,
    subject: identity.accountId ?? 'anonymous',
    expiresIn: options.ttlSeconds ?? 60,
  });
}

export function verifyIdentityToken(token: string, options: { publicKey: string; audience: string }): Identity {
  const claims = jwt.verify(token, keyObject(options.publicKey, createPublicKey), {
    algorithms: [ALGORITHM],
    issuer: ISSUER,
    audience: options.audience,
  }) as jwt.JwtPayload & { usr?: string; grants?: Grant[] };
  const accountId = claims.sub && claims.sub !== 'anonymous' ? claims.sub : null;
  return { accountId, username: claims.usr, grants: accountId ? (claims.grants ?? []) : [] };
}
