import { randomUUID } from 'node:crypto';
import type { UserRole } from '../entities/user.entity';
import type { AccessScope } from './auth/access-tokens';
import { ChangeOrigin, Database } from './database/database';
import { createLoaders, Loaders } from './loaders';
import type { RateLimits } from './limits/rate-limits';
import type { CredentialVault } from './vault/credential-vault';
import type { Authenticator } from './services/auth.service';

/** Who is calling, from a verified access token. */
export interface Viewer {
  userId: number;
  role: UserRole;
  scopes: AccessScope[];
  /** Set for agent tokens: the one session the agent may write to, and its client. */
  sessionId?: number;
  clientId?: number | null;
  tokenId: string;
  tokenExpiresAt: Date;
  /** The login (refresh-token family) a person's token came from. */
  familyId?: string;
}

/** What a service needs to write: the database and who is writing. */
export interface Scope extends ChangeOrigin {
  db: Database;
  /** The signed-in user (for agent tokens, the user who issued it): work items record them as technician. */
  userId?: number | null;
}

/** Everything one GraphQL request may use; a new one per request. */
export interface Context extends Scope {
  viewer: Viewer | null;
  loaders: Loaders;
  auth: Authenticator;
  rateLimits: RateLimits;
  /** Null when no vault key is configured (production without MSP_VAULT_KEY). */
  vault: CredentialVault | null;
  /** Caller's address, for audit rows. */
  ip: string | null;
  /** Whether webhook URLs may point at loopback and private addresses (WEBHOOK_ALLOW_PRIVATE_NETWORK). */
  webhookUrls: { allowPrivateNetwork: boolean };
}

export const actorOf = (viewer: Viewer | null): string =>
  !viewer ? 'anonymous' : viewer.sessionId ? `agent:${viewer.sessionId}/user:${viewer.userId}` : `user:${viewer.userId}`;

export function createContext(
  services: { db: Database; auth: Authenticator; rateLimits: RateLimits; vault: CredentialVault | null; webhooks?: { allowPrivateNetwork: boolean } },
  request: { requestId?: string; viewer: Viewer | null; ip?: string | null },
): Context {
  const { viewer } = request;
  const { webhooks, ...shared } = services;
  return {
    ...shared,
    requestId: request.requestId ?? randomUUID(),
    viewer,
    userId: viewer?.userId ?? null,
    actor: actorOf(viewer),
    loaders: createLoaders(services.db),
    ip: request.ip ?? null,
    webhookUrls: { allowPrivateNetwork: webhooks?.allowPrivateNetwork ?? false },
  };
}

/** A scope for work no request started (seed, maintenance scripts). */
export const systemScope = (db: Database, name: string): Scope => ({ db, requestId: `${name}:${randomUUID()}`, actor: `system:${name}` });
