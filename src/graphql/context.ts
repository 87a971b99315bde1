import { randomUUID } from 'node:crypto';
import { actorOf, Viewer } from '../core/request-scope';
import type { Database } from '../database/database';
import { createLoaders, Loaders } from '../loaders';
import type { RateLimits } from '../limits/rate-limits';
import type { CallerScope } from '../kit/scope';
import type { Authenticator } from '../security/auth.service';
import type { CredentialVault } from '../security/vault/credential-vault';

/** Everything one GraphQL request may use; a new one per request. */
export interface Context extends CallerScope {
  loaders: Loaders;
  auth: Authenticator;
  /** Whether webhook URLs may point at loopback and private addresses (WEBHOOK_ALLOW_PRIVATE_NETWORK). */
  webhookUrls: { allowPrivateNetwork: boolean };
}

export function createContext(
  services: {
    db: Database;
    auth: Authenticator;
    rateLimits: RateLimits;
    vault: CredentialVault | null;
    webhooks?: { allowPrivateNetwork: boolean };
  },
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
