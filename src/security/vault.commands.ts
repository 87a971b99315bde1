// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
import type { CredentialKind } from '../../entities/credential.entity';

/** A secret to store, encrypted: on an existing credential (credentialId) or a new one (name and kind). */
export interface StoreCredential {
  credentialId?: string;
  clientId?: string;
  infrastructureId?: string;
  name?: string;
  kind?: CredentialKind;
  username?: string;
  value: string;
  idempotencyKey?: string;
}

/** Reveals a secret; the reason goes to the audit log first. */
export interface RevealCredential {
  credentialId: string;
  reason: string;
}

/** Re-encrypts stored secrets with the current vault key, a batch at a time. */
export interface RotateVaultKey {
  batchSize: number;
}
