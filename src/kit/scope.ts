/** What services are handed: the database and who is writing; for calls on behalf of a caller, the caller too. */
import { randomUUID } from 'node:crypto';
import type { ChangeOrigin, Viewer } from '../core/request-scope';
import type { Database } from '../database/database';
import type { RateLimits } from '../limits/rate-limits';
import type { CredentialVault } from '../security/vault/credential-vault';

/** What a service needs to write: the database and who is writing. */
export interface Scope extends ChangeOrigin {
  db: Database;
  /** The signed-in user (for agent tokens, the user who issued it): work items record them as technician. */
  userId?: number | null;
}

/** A scope acting for a caller: who it is, where from, and the shared limits and vault a call may use. */
export interface CallerScope extends Scope {
  viewer: Viewer | null;
  /** Caller's address, for audit rows. */
  ip: string | null;
  rateLimits: RateLimits;
  /** Null when no vault key is configured (production without MSP_VAULT_KEY). */
  vault: CredentialVault | null;
}

/** A scope for work no request started (seed, maintenance scripts). */
export const systemScope = (db: Database, name: string): Scope => ({ db, requestId: `${name}:${randomUUID()}`, actor: `system:${name}` });
