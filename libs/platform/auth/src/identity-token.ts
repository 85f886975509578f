import jwt from 'jsonwebtoken';
import { Grant, Identity } from './identity';
import { privateKeyOf, publicKeyOf } from './key-objects';

const ISSUER = 'gridgov-gateway';
const ALGORITHM = 'ES256';

/**
 * The gateway forwards the caller's identity to each subgraph as a short-lived token signed with
 * its private key, audience = that subgraph. Subgraphs hold only the public key, so no subgraph
 * (and nobody around the gateway) can mint one.
 */
export function signIdentityToken(
  identity: Identity,
  options: { privateKey: string; audience: string; ttlSeconds?: number },
): string {
  return jwt.sign({ usr: identity.username, grants: identity.grants }, privateKeyOf(options.privateKey), {
    algorithm: ALGORITHM,
    issuer: ISSUER,
    audience: options.audience,
    subject: identity.accountId ?? 'anonymous',
    expiresIn: options.ttlSeconds ?? 60,
  });
}

export function verifyIdentityToken(token: string, options: { publicKey: string; audience: string }): Identity {
  const claims = jwt.verify(token, publicKeyOf(options.publicKey), {
    algorithms: [ALGORITHM],
    issuer: ISSUER,
    audience: options.audience,
  }) as jwt.JwtPayload & { usr?: string; grants?: Grant[] };
  const accountId = claims.sub && claims.sub !== 'anonymous' ? claims.sub : null;
  return { accountId, username: claims.usr, grants: accountId ? (claims.grants ?? []) : [] };
}
