import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Config } from '../../config';

/** What the database keeps of a secret: never the value itself. */
export interface SealedValue {
  ciphertext: string;
  iv: string;
  authTag: string;
  keyVersion: number;
}

export class TamperedError extends Error {}

/**
 * AES-256-GCM with a random 96-bit IV per value. The associated data names the row ("credential:42"), so
 * a ciphertext copied to another row does not decrypt. Every value records its key version, so keys rotate.
 */
export class CredentialVault {
  constructor(
    private readonly keys: Map<number, Buffer>,
    readonly currentVersion: number,
  ) {
    for (const key of keys.values()) if (key.length !== 32) throw new Error('Vault keys must be 32 bytes (AES-256).');
    if (!keys.has(currentVersion)) throw new Error(`The vault keyring has no key version ${currentVersion}.`);
  }

  seal(plaintext: string, boundTo: string): SealedValue {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentVersion)!, iv);
    cipher.setAAD(Buffer.from(boundTo));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      ciphertext: ciphertext.toString('base64'),
      iv: iv.toString('base64'),
      authTag: cipher.getAuthTag().toString('base64'),
      keyVersion: this.currentVersion,
    };
  }

  /** The value, or TamperedError when ciphertext, IV, tag or binding were altered: never garbage. */
  open(sealed: SealedValue, boundTo: string): string {
    const key = this.keys.get(sealed.keyVersion);
    if (!key) throw new TamperedError(`Key version ${sealed.keyVersion} is not in the keyring.`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(boundTo));
      decipher.setAuthTag(Buffer.from(sealed.authTag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new TamperedError('The stored value failed its integrity check.');
    }
  }
}

/**
 * The vault the configuration describes. MSP_VAULT_KEY (base64, 32 bytes) is key version 1. Otherwise a
 * keyring file `{ "current": n, "keys": { "n": base64 } }`, created with mode 0600 when `createIfMissing`
 * (the embedded default, not production); without one the vault stays closed (null).
 */
export function vaultFromConfig(
  config: Config,
  warn: (message: string) => void,
  createIfMissing = config.NODE_ENV !== 'production',
): CredentialVault | null {
  if (config.MSP_VAULT_KEY) return new CredentialVault(new Map([[1, Buffer.from(config.MSP_VAULT_KEY, 'base64')]]), 1);
  const file = config.MSP_VAULT_KEYRING_FILE;
  if (!existsSync(file)) {
    if (!createIfMissing) return null;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ current: 1, keys: { 1: randomBytes(32).toString('base64') } }), { mode: 0o600 });
    warn(`MSP_VAULT_KEY is not set: generated a vault keyring in ${file}. Keep it apart from the database; back it up.`);
  }
  const ring = JSON.parse(readFileSync(file, 'utf8')) as { current: number; keys: Record<string, string> };
  return new CredentialVault(new Map(Object.entries(ring.keys).map(([v, k]) => [Number(v), Buffer.from(k, 'base64')])), ring.current);
}
