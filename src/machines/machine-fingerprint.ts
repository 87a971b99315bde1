import { createHash } from 'node:crypto';

/** SHA-256 (hex) of `hostname|username|platform|homeDirectory`: the same machine and user always get the same fingerprint. */
export function machineFingerprint(m: { hostname: string; username: string; platform: string; homeDirectory: string }): string {
  return createHash('sha256').update([m.hostname, m.username, m.platform, m.homeDirectory].join('|')).digest('hex');
}
