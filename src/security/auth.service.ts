import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { now } from '../../entities/columns';
import { RefreshToken } from '../../entities/refresh-token.entity';
import { RevokedToken } from '../../entities/revoked-token.entity';
import { Session } from '../../entities/session.entity';
import { User, UserRole } from '../../entities/user.entity';
import { ACCESS_TOKEN_TTL_SECONDS, AccessClaims, signAccessToken, verifyAccessToken } from './auth/access-tokens';
import { UnauthenticatedError } from '../core/errors';
import { hashPassword, verifyPassword } from './auth/passwords';
import { SigningKeys } from './auth/signing-keys';
import { LocalRevocationBus, RevocationBus, RevocationEvent } from './auth/revocation-bus';
import { TtlCache } from './auth/ttl-cache';
import { LOGIN_FAILURE_WINDOW_MINUTES, type LoginFailure, type RateLimits } from '../limits/rate-limits';
import { Database } from '../database/database';
import { writeLock } from '../database/dialect';
import { countedAs } from '../database/statement-counter';
import { BadInputError, ConflictError, ForbiddenError } from '../core/errors';
import { isDuplicateKey } from '../database/database-faults';
import { findOrFail } from '../kit/find-or-fail';
import type { Scope } from '../kit/scope';
import type { Viewer } from '../core/request-scope';
import { AccessScope } from '../core/request-scope';

export const REFRESH_TOKEN_TTL_DAYS = 30;
export const AGENT_TOKEN_TTL_SECONDS = 12 * 3600;
/** One replica, or several hearing each other's revocations: checks are cached this long. */
const CHECK_CACHE_MS = 5_000;
/** Several replicas while the revocation bus is down: a change elsewhere is seen within this. */
const UNSHARED_CHECK_CACHE_MS = 500;
/** Ids revoked elsewhere are remembered this long, beyond the database replication and cache delays. */
const REVOKED_IDS_MS = 60_000;

export const scopesFor = (role: UserRole): AccessScope[] =>
  role === UserRole.ADMIN
    ? ['msp:read', 'msp:write', 'msp:admin']
    : role === UserRole.TECHNICIAN
      ? ['msp:read', 'msp:write']
      : ['msp:read'];

export interface TokenPair {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Everything authentication needs besides the database: keys and short caches for per-request checks. */
export class Authenticator {
  private readonly ttl = () => (this.bus.shared && !this.bus.live ? this.cacheMs.unshared : this.cacheMs.shared);
  private readonly revoked = new TtlCache<boolean>(this.ttl);
  private readonly openSessions = new TtlCache<boolean>(this.ttl);
  private readonly activeUsers = new TtlCache<User | null>(this.ttl);
  private readonly revokedIds = new TtlCache<true>(REVOKED_IDS_MS);

  constructor(
    private readonly db: Database,
    readonly keys: SigningKeys,
    /** Tells the other replicas about revocations, ended sessions and deactivated users (REDIS_URL). */
    readonly bus: RevocationBus = new LocalRevocationBus(),
    private readonly cacheMs = { shared: CHECK_CACHE_MS, unshared: UNSHARED_CHECK_CACHE_MS },
  ) {
    bus.listen({ event: (event) => this.apply(event), resync: () => this.forgetChecks() });
  }

  private apply(event: RevocationEvent): void {
    if (event.kind === 'revoked') {
      for (const id of event.ids) this.revokedIds.set(id, true);
      this.revoked.clear();
    } else if (event.kind === 'session-ended') this.openSessions.set(String(event.sessionId), false);
    else if (event.kind === 'user-deactivated') this.activeUsers.set(String(event.userId), null);
    else this.activeUsers.delete(String(event.userId));
  }

  /** Applies a change here at once and tells the other replicas. */
  private announce(event: RevocationEvent): void {
    this.apply(event);
    this.bus.publish(event);
  }

  private forgetChecks(): void {
    this.revoked.clear();
    this.openSessions.clear();
    this.activeUsers.clear();
  }

  private async isRevoked(ids: string[]): Promise<boolean> {
    if (ids.some((id) => this.revokedIds.peek(id))) return true;
    return this.revoked.get(ids.join('|'), () => this.db.manager.existsBy(RevokedToken, { jti: In(ids) }));
  }

  /** The viewer for an `Authorization: Bearer …` header; null without one; UNAUTHENTICATED for a bad one. */
  viewerFor(authorization: string | undefined): Promise<Viewer | null> {
    return countedAs('auth', () => this.checkToken(authorization));
  }

  private async checkToken(authorization: string | undefined): Promise<Viewer | null> {
    if (!authorization) return null;
    const [scheme, token] = authorization.split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthenticatedError('Send the access token as "Authorization: Bearer <token>".');
    const claims = await verifyAccessToken(this.keys, token);
    // a token dies alone (logout) or with its whole login (a reused refresh token)
    const revocationKeys = claims.familyId ? [claims.jti, claims.familyId] : [claims.jti];
    if (await this.isRevoked(revocationKeys)) {
      throw new UnauthenticatedError('This token was revoked (logged out, or its login was revoked); log in again.');
    }
    const user = await this.activeUsers.get(String(claims.userId), () =>
      this.db.manager.findOneBy(User, { id: claims.userId, active: true }),
    );
    if (!user) throw new UnauthenticatedError('This user no longer exists or was deactivated.');
    if (claims.sessionId && !(await this.openSessions.get(String(claims.sessionId), () => this.sessionIsOpen(claims.sessionId!)))) {
      throw new UnauthenticatedError(`Session ${claims.sessionId} has ended, and its agent token with it.`);
    }
    return this.toViewer(claims, user);
  }

  private toViewer(claims: AccessClaims, user: User): Viewer {
    return {
      userId: user.id,
      role: user.role,
      // a user demoted since the token was signed keeps only what the new role allows
      scopes: claims.scopes.filter((scope) => scopesFor(user.role).includes(scope)),
      sessionId: claims.sessionId,
      clientId: claims.clientId,
      tokenId: claims.jti,
      tokenExpiresAt: claims.expiresAt,
      familyId: claims.familyId,
    };
  }

  private async sessionIsOpen(sessionId: number): Promise<boolean> {
    return this.db.manager.existsBy(Session, { id: sessionId, endedAt: IsNull() });
  }

  /** An agent token dies with its session at once on this replica, and on the others as soon as they hear it. */
  sessionEnded(sessionId: number): void {
    this.announce({ kind: 'session-ended', sessionId });
  }

  /** Token ids or login ids just revoked (after the commit): refused here at once, elsewhere as soon as heard. */
  tokensRevoked(ids: string[]): void {
    if (ids.length) this.announce({ kind: 'revoked', ids });
  }

  /** A user's role or active flag changed (after the commit). */
  userChanged(user: { id: number; active: boolean }): void {
    this.announce(user.active ? { kind: 'user-changed', userId: user.id } : { kind: 'user-deactivated', userId: user.id });
  }

  async issuePair(manager: EntityManager, user: User, familyId: string = randomUUID()): Promise<TokenPair> {
    const access = await signAccessToken(this.keys, { userId: user.id, scopes: scopesFor(user.role), familyId });
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    const refreshTokenExpiresAt = new Date(Date.now() + REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await manager.insert(RefreshToken, {
      id,
      userId: user.id,
      familyId,
      secretHash: sha256(secret),
      expiresAt: refreshTokenExpiresAt,
      usedAt: null,
      revokedAt: null,
      createdAt: now(),
    });
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: `${id}.${secret}`, refreshTokenExpiresAt };
  }

  async signAgentToken(userId: number, scopes: AccessScope[], session: Session) {
    return signAccessToken(this.keys, { userId, scopes, sessionId: session.id, clientId: session.clientId }, AGENT_TOKEN_TTL_SECONDS);
  }
}

/** The same words for an unknown e-mail and a wrong password (failures count per e-mail either way), so neither is told apart. */
function wrongLogin({ triesLeft, retryInSeconds }: LoginFailure): string {
  if (triesLeft > 0)
    return `E-mail or password is wrong: ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left before this account is locked for ${LOGIN_FAILURE_WINDOW_MINUTES} minutes.`;
  return `E-mail or password is wrong, and that was the last try: this account is locked; try again in ${retryInSeconds} s.`;
}

export async function login(
  scope: Scope,
  auth: Authenticator,
  limits: RateLimits,
  input: { email: string; password: string },
): Promise<{ tokens: TokenPair; user: User }> {
  const email = input.email.trim().toLowerCase();
  await limits.assertLoginAllowed(email);
  const user = await scope.db.manager.findOneBy(User, { email });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? null);
  if (!user || !valid) throw new UnauthenticatedError(wrongLogin(await limits.loginFailed(email)));
  await limits.loginSucceeded(email);
  if (!user.active) throw new UnauthenticatedError('This user was deactivated; ask an admin.');
  const tokens = await scope.db.transaction(scope, (manager) => auth.issuePair(manager, user));
  return { tokens, user };
}

/** Revokes a login: its refresh tokens, and the access tokens they gave (listed by family id until the last of them expires). */
async function revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
  await manager.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: now() });
  const lastAccessExpiry = new Date(Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000);
  await manager
    .createQueryBuilder()
    .insert()
    .into(RevokedToken)
    .values({ jti: familyId, expiresAt: lastAccessExpiry, createdAt: now() })
    .orIgnore()
    .execute();
}

/**
 * Trades a refresh token for a new pair (rotation). A token already used or revoked means it leaked:
 * the whole family is revoked and the caller must log in again.
 */
export async function refresh(scope: Scope, auth: Authenticator, presented: string): Promise<{ tokens: TokenPair; user: User }> {
  const [id, secret] = presented.split('.');
  const outcome = await scope.db.transaction(scope, async (manager) => {
    const row = id ? await manager.findOne(RefreshToken, { where: { id }, ...writeLock(manager) }) : null;
    if (!row || !secret || row.secretHash !== sha256(secret)) return { error: 'This refresh token is not valid; log in again.' };
    if (row.usedAt || row.revokedAt) {
      await revokeFamily(manager, row.familyId);
      return {
        error: 'This refresh token was already used, so it may have leaked: every token from that login is now revoked. Log in again.',
        revokedFamily: row.familyId,
      };
    }
    if (row.expiresAt.getTime() < Date.now()) return { error: 'This refresh token has expired; log in again.' };
    const user = await manager.findOneBy(User, { id: row.userId, active: true });
    if (!user) return { error: 'This user no longer exists or was deactivated.' };
    await manager.update(RefreshToken, { id: row.id }, { usedAt: now() });
    return { tokens: await auth.issuePair(manager, user, row.familyId), user };
  });
  if ('error' in outcome) {
    if (outcome.revokedFamily) auth.tokensRevoked([outcome.revokedFamily]);
    throw new UnauthenticatedError(outcome.error!);
  }
  return outcome;
}

/** Revokes the caller's access token and, when given, the refresh family it came with. */
export async function logout(scope: Scope, auth: Authenticator, viewer: Viewer, refreshToken?: string): Promise<boolean> {
  const revoked = await scope.db.transaction(scope, async (manager) => {
    await manager
      .createQueryBuilder()
      .insert()
      .into(RevokedToken)
      .values({ jti: viewer.tokenId, expiresAt: viewer.tokenExpiresAt, createdAt: now() })
      .orIgnore()
      .execute();
    const row = refreshToken ? await manager.findOneBy(RefreshToken, { id: refreshToken.split('.')[0] }) : null;
    if (!row || row.userId !== viewer.userId) return [viewer.tokenId];
    await revokeFamily(manager, row.familyId);
    return [viewer.tokenId, row.familyId];
  });
  auth.tokensRevoked(revoked);
  return true;
}

/** A token for an agent working in one session: its own scopes at most, and dead once the session ends. */
export async function issueAgentToken(
  scope: Scope,
  auth: Authenticator,
  viewer: Viewer,
  input: { sessionId: string; scopes: AccessScope[] },
) {
  if (viewer.sessionId) throw new ForbiddenError('An agent token cannot issue further agent tokens.');
  const wanted = [...new Set(input.scopes)];
  const beyond = wanted.filter((s) => !viewer.scopes.includes(s) || s === 'msp:admin');
  if (beyond.length)
    throw new BadInputError('scopes', `an agent token can carry msp:read and msp:write you hold yourself, not ${beyond.join(', ')}`);
  const session = await findOrFail(scope.db.manager, Session, input.sessionId, 'sessionId');
  if (session.endedAt) throw new ConflictError(`Session ${session.id} has ended; start a new session for the agent.`, 'sessionId');
  const { token, expiresAt } = await auth.signAgentToken(viewer.userId, wanted, session);
  return { token, expiresAt, sessionId: session.id, scopes: wanted };
}

/** The admin made able to log in (with the password generated for it, if one was), or why none could be. */
export type BootstrapOutcome = { email: string; generatedPassword?: string } | { problem: string };

const canLogInAsAdmin = { role: UserRole.ADMIN, active: true, passwordHash: Not(IsNull()) };

/**
 * At start: makes sure someone can log in as admin. Nothing to do while an active admin has a password.
 * Otherwise (a fresh install, or one whose only users came from the seed or have not accepted their
 * invites) `email` becomes that admin: created with the given or a generated password, or, when it is
 * already an active admin without a password, given that password. Anyone else's account is never
 * promoted, reactivated or given a password: that is a `problem` for the operator to solve.
 */
export async function bootstrapAdmin(scope: Scope, email: string, password: string | undefined): Promise<BootstrapOutcome | null> {
  email = email.toLowerCase();
  if (await scope.db.manager.existsBy(User, canLogInAsAdmin)) return null;
  const generatedPassword = password ? undefined : randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password ?? generatedPassword!);
  try {
    return await scope.db.transaction(scope, async (manager): Promise<BootstrapOutcome | null> => {
      if (await manager.existsBy(User, canLogInAsAdmin)) return null; // another replica was quicker
      const at = now();
      const existing = await manager.findOne(User, { where: { email }, ...writeLock(manager) });
      if (!existing) {
        await manager.save(
          manager.create(User, {
            email,
            displayName: 'Administrator',
            role: UserRole.ADMIN,
            active: true,
            passwordHash,
            createdAt: at,
            updatedAt: at,
          }),
        );
      } else if (existing.role === UserRole.ADMIN && existing.active) {
        await manager.save(Object.assign(existing, { passwordHash, updatedAt: at }));
      } else {
        const what = existing.active ? `a ${existing.role} user` : 'a deactivated user';
        return {
          problem: `No admin can log in, and ${email} (MSP_ADMIN_EMAIL) is ${what}, which is left as it is: start with MSP_ADMIN_EMAIL set to a free address to create an admin.`,
        };
      }
      return { email, generatedPassword };
    });
  } catch (error) {
    if (isDuplicateKey(error)) return null; // another replica created the admin at the same moment
    throw error;
  }
}

/** Sets a user's password (the user themselves, or an admin). */
export async function setPassword(scope: Scope, userId: number, password: string): Promise<User> {
  const passwordHash = await hashPassword(password);
  return scope.db.transaction(scope, async (manager) => {
    const user = await findOrFail(manager, User, userId, 'userId', true);
    user.passwordHash = passwordHash;
    user.updatedAt = now();
    return manager.save(user);
  });
}
