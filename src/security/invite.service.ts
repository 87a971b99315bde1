import { randomBytes } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { now } from '../../entities/columns';
import { UserInvite } from '../../entities/user-invite.entity';
import { User } from '../../entities/user.entity';
import { UnauthenticatedError } from '../core/errors';
import { hashPassword } from './auth/passwords';
import { writeLock } from '../database/dialect';
import { ConflictError } from '../core/errors';
import { Authenticator, sha256, TokenPair } from './auth.service';
import { findOrFail } from '../kit/find-or-fail';
import type { Scope } from '../kit/scope';

export const INVITE_TTL_DAYS = 7;

/** An invite as issued: the token is in clear here and nowhere else, so it is shown once. */
export interface Invite {
  token: string;
  expiresAt: Date;
  user: User;
}

/** A new invite for the user, inside the caller's transaction; their older unused invites stop working. */
export async function issueInvite(manager: EntityManager, user: User): Promise<Invite> {
  const at = now();
  await manager.update(UserInvite, { userId: user.id, usedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: at });
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(at.getTime() + INVITE_TTL_DAYS * 86_400_000);
  await manager.insert(UserInvite, { userId: user.id, tokenHash: sha256(token), expiresAt, usedAt: null, revokedAt: null, createdAt: at });
  return { token, expiresAt, user };
}

/** An admin (re-)invites a user: to set a first password, or a new one they forgot. */
export function createInvite(scope: Scope, userId: string): Promise<Invite> {
  return scope.db.transaction(scope, async (manager) => {
    const user = await findOrFail(manager, User, userId, 'userId', true);
    if (!user.active)
      throw new ConflictError(`User ${user.id} is deactivated: reactivate them (updateUser) before inviting them.`, 'userId');
    return issueInvite(manager, user);
  });
}

const refused = (why: string) => new UnauthenticatedError(`${why} For a new invite, ask an admin (createInvite).`);

/** Refuses an invite that cannot be used now, saying why and what to do. */
function assertUsable(invite: UserInvite | null): asserts invite is UserInvite {
  if (!invite) throw refused('This invite is not valid: check that it was copied whole.');
  if (invite.usedAt) throw refused('This invite was already used to set a password: log in with that password.');
  if (invite.revokedAt) throw refused('This invite was replaced by a newer one: use the newest.');
  if (invite.expiresAt.getTime() <= Date.now()) throw refused(`This invite expired at ${invite.expiresAt.toISOString()}.`);
}

/**
 * Sets the invited user's password and logs them in. An invite works once: its row is locked while it
 * is used, so two concurrent calls cannot both set a password. Every refusal is UNAUTHENTICATED.
 */
export async function acceptInvite(
  scope: Scope,
  auth: Authenticator,
  input: { token: string; password: string },
): Promise<{ tokens: TokenPair; user: User }> {
  const tokenHash = sha256(input.token);
  const found = await scope.db.manager.findOneBy(UserInvite, { tokenHash });
  // hashed before the transaction, which on SQLite holds every other writer while it runs
  const passwordHash = await hashPassword(input.password);
  // the change log files the new password under the invited user, not "anonymous"
  const asUser = found ? { ...scope, actor: `user:${found.userId}` } : scope;
  return scope.db.transaction(asUser, async (manager) => {
    const invite = await manager.findOne(UserInvite, { where: { tokenHash }, ...writeLock(manager) });
    assertUsable(invite);
    const user = await manager.findOneBy(User, { id: invite.userId, active: true });
    if (!user) throw new UnauthenticatedError('This user was deactivated; ask an admin.');
    await manager.update(UserInvite, { id: invite.id }, { usedAt: now() });
    Object.assign(user, { passwordHash, updatedAt: now() });
    await manager.save(user);
    return { tokens: await auth.issuePair(manager, user), user };
  });
}
