import jwt from 'jsonwebtoken';
import { Grant } from './identity';
import { secretKeyOf } from './key-objects';

export const ACCESS_TOKEN_ISSUER = 'gridgov';
const ALGORITHM = 'HS256';

export interface AccessTokenClaims {
  sub: string;
  usr: string;
  grants: Grant[];
}

/** The bearer token `login` returns; verified by the gateway only. */
export function signAccessToken(claims: AccessTokenClaims, secret: string, ttlSeconds: number): string {
  return jwt.sign({ usr: claims.usr, grants: claims.grants }, secretKeyOf(secret), {
    algorithm: ALGORITHM,
    issuer: ACCESS_TOKEN_ISSUER,
    subject: claims.sub,
    expiresIn: ttlSeconds,
  });
}

export function verifyAccessToken(token: string, secret: string): AccessTokenClaims {
  const claims = jwt.verify(token, secretKeyOf(secret), { algorithms: [ALGORITHM], issuer: ACCESS_TOKEN_ISSUER }) as jwt.JwtPayload;
  if (typeof claims.sub !== 'string') throw new Error('token has no subject');
  return { sub: claims.sub, usr: String(claims['usr'] ?? ''), grants: (claims['grants'] as Grant[]) ?? [] };
}
