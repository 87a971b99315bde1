import type { Webhook } from '../../entities/webhook.entity';
import type { CredentialVault, SealedValue } from '../security/vault/credential-vault';

/** The vault binding: a sealed secret copied onto another webhook row does not open. */
const boundTo = (webhookId: number) => `webhook:${webhookId}`;

export const sealSecret = (vault: CredentialVault, webhookId: number, secret: string): SealedValue =>
  vault.seal(secret, boundTo(webhookId));

export function openSecret(vault: CredentialVault, webhook: Webhook): string {
  if (!webhook.ciphertext || !webhook.iv || !webhook.authTag || webhook.keyVersion == null)
    throw new Error(`webhook ${webhook.id} has no secret`);
  return vault.open(
    { ciphertext: webhook.ciphertext, iv: webhook.iv, authTag: webhook.authTag, keyVersion: webhook.keyVersion },
    boundTo(webhook.id),
  );
}
