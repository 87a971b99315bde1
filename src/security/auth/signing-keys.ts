import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** HMAC keys for access tokens; `kid` in each token names the key, so old keys can verify while a new one signs. */
export interface SigningKeys {
  current: string;
  byKid: Map<string, Uint8Array>;
}

const kidOf = (secret: Buffer) => createHash('sha256').update(secret).digest('hex').slice(0, 12);

export function keysFromSecret(secret: string | Buffer): SigningKeys {
  const bytes = Buffer.isBuffer(secret) ? secret : Buffer.from(secret, 'utf8');
  const kid = kidOf(bytes);
  return { current: kid, byKid: new Map([[kid, new Uint8Array(bytes)]]) };
}

/**
 * JWT_SECRET when set; otherwise a key file under ./data, created on first start (mode 0600) so a fresh
 * clone just works. The file lists every key; the last one signs.
 */
export function loadSigningKeys(secret: string | undefined, file: string, warn: (message: string) => void): SigningKeys {
  if (secret) return keysFromSecret(secret);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ keys: [randomBytes(32).toString('base64')] }), { mode: 0o600 });
    warn(`JWT_SECRET is not set: generated a signing key in ${file}. Set JWT_SECRET (32+ characters) in production.`);
  }
  const { keys } = JSON.parse(readFileSync(file, 'utf8')) as { keys: string[] };
  const byKid = new Map(keys.map((k) => [kidOf(Buffer.from(k, 'base64')), new Uint8Array(Buffer.from(k, 'base64'))] as const));
  return { current: kidOf(Buffer.from(keys.at(-1)!, 'base64')), byKid };
}
