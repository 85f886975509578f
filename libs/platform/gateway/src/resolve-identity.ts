import { GraphQLError } from 'graphql';
import jwt from 'jsonwebtoken';
import { ANONYMOUS, type Identity, verifyAccessToken } from '@gridgov/platform-auth';
import { ErrorCode } from '@gridgov/platform-errors';
import { createJwksKeySource } from './jwks-key-source';

export interface OidcOptions {
  issuer: string;
  jwksUri: string;
  audience?: string;
  /** Maps the external subject to a GridGov account and its grants (org-service owns them). */
  lookupAccount(issuer: string, subject: string): Promise<Identity | null>;
}

const CACHE_MS = 60_000;

/**
 * Turns the `Authorization` header into an identity: no header → anonymous; a GridGov token
 * (from `login`) or, when configured, an OIDC token verified through the issuer's JWKS; anything
 * else → 401 UNAUTHENTICATED.
 */
export function createIdentityResolver(options: { accessTokenSecret: string; oidc?: OidcOptions }) {
  const keyFor = options.oidc ? createJwksKeySource(options.oidc.jwksUri) : undefined;
  const oidcCache = new Map<string, { identity: Identity; until: number }>();

  async function fromOidc(token: string): Promise<Identity> {
    const oidc = options.oidc as OidcOptions;
    const header = jwt.decode(token, { complete: true })?.header;
    const key = await keyFor!(header?.kid);
    const claims = jwt.verify(token, key, {
      issuer: oidc.issuer,
      audience: oidc.audience,
      algorithms: ['RS256', 'ES256', 'PS256'],
    }) as jwt.JwtPayload;
    const subject = String(claims.sub ?? '');
    const cached = oidcCache.get(subject);
    if (cached && cached.until > Date.now()) return cached.identity;
    const identity = await oidc.lookupAccount(oidc.issuer, subject);
    if (!identity) throw new Error(`no GridGov account is linked to ${oidc.issuer} subject ${subject}`);
    oidcCache.set(subject, { identity, until: Date.now() + CACHE_MS });
    return identity;
  }

  return async function resolveIdentity(authorization: string | undefined): Promise<Identity> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    const token = match[1];
    const issuer = (jwt.decode(token) as jwt.JwtPayload | null)?.iss;
    try {
      if (options.oidc && issuer === options.oidc.issuer) return await fromOidc(token);
      const claims = verifyAccessToken(token, options.accessTokenSecret);
      return { accountId: claims.sub, username: claims.usr, grants: claims.grants };
    } catch (error) {
      throw unauthenticated(`the bearer token was refused (${(error as Error).message}); sign in again`);
    }
  };
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}
