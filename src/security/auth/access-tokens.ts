import type { AccessScope } from '../../core/request-scope';
import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { UnauthenticatedError } from '../../core/errors';
import { SigningKeys } from './signing-keys';

export interface AccessClaims {
  userId: number;
  scopes: AccessScope[];
  /** Agent tokens only: the session they may write to, and its client (null for a NORMAL session). */
  sessionId?: number;
  clientId?: number | null;
  /** People's tokens: the login (refresh-token family) they came from, revoked as a whole when a refresh token is reused. */
  familyId?: string;
  jti: string;
  expiresAt: Date;
}

export const ACCESS_TOKEN_TTL_SECONDS = 3600;
const ISSUER = 'msp-tracker';

export async function signAccessToken(
  keys: SigningKeys,
  claims: Omit<AccessClaims, 'jti' | 'expiresAt'>,
  ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
) {
  const jti = randomUUID();
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const agentClaims = claims.sessionId ? { sid: claims.sessionId, cid: claims.clientId ?? null } : {};
  const loginClaims = claims.familyId ? { fam: claims.familyId } : {};
  const token = await new SignJWT({ scope: claims.scopes.join(' '), ...agentClaims, ...loginClaims })
    .setProtectedHeader({ alg: 'HS256', kid: keys.current })
    .setSubject(String(claims.userId))
    .setIssuer(ISSUER)
    .setJti(jti)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(keys.byKid.get(keys.current)!);
  return { token, jti, expiresAt };
}

/** Verifies signature, issuer and expiry; UNAUTHENTICATED with a reason a person can act on otherwise. */
export async function verifyAccessToken(keys: SigningKeys, token: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(
      token,
      (header) => {
        const key = header.kid ? keys.byKid.get(header.kid) : undefined;
        if (!key) throw new UnauthenticatedError('The token was signed with a key this server does not know; log in again.');
        return key;
      },
      { issuer: ISSUER, algorithms: ['HS256'] },
    );
    return {
      userId: Number(payload.sub),
      scopes: String(payload.scope ?? '')
        .split(' ')
        .filter(Boolean) as AccessScope[],
      sessionId: typeof payload.sid === 'number' ? payload.sid : undefined,
      clientId: typeof payload.cid === 'number' ? payload.cid : null,
      familyId: typeof payload.fam === 'string' ? payload.fam : undefined,
      jti: String(payload.jti),
      expiresAt: new Date((payload.exp ?? 0) * 1000),
    };
  } catch (error) {
    if (error instanceof UnauthenticatedError) throw error;
    if (error instanceof errors.JWTExpired)
      throw new UnauthenticatedError('The access token has expired; refresh it with refreshToken or log in again.');
    throw new UnauthenticatedError('The access token is not valid; log in again.');
  }
}
