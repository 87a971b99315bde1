import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** A URL or address a webhook may not be sent to; the message says why and what would allow it. */
export class RefusedUrlError extends Error {}

const SWITCH = 'set WEBHOOK_ALLOW_PRIVATE_NETWORK=true to allow addresses on your own network';

/**
 * Only public unicast addresses: loopback, private, link-local, unique-local, carrier-grade NAT,
 * multicast, unspecified and reserved ranges are not. An IPv4-mapped IPv6 address (::ffff:127.0.0.1)
 * is judged as the IPv4 address it carries.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

const rangeOf = (address: string) => (ipaddr.isValid(address) ? ipaddr.process(address).range() : 'invalid');

export function refusedAddress(host: string, address: string): RefusedUrlError {
  const shown = host === address ? address : `${host} (${address})`;
  return new RefusedUrlError(`${shown} is a ${rangeOf(address)} address, not a public one; ${SWITCH}`);
}

/** The URL's host without IPv6 brackets. */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** Syntax only: http(s), a host, no user name or password in it. */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RefusedUrlError('is not a URL (write it like https://hooks.example.com/msp)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RefusedUrlError('must be an http:// or https:// URL');
  if (url.username || url.password)
    throw new RefusedUrlError('must not carry a user name or password; the signature authenticates the sender');
  if (!url.hostname) throw new RefusedUrlError('has no host');
  return url;
}

/** Every address the host resolves to; all must be public (unless allowed), or the URL is refused. */
export async function assertUrlAllowed(url: URL, allowPrivateNetwork: boolean): Promise<void> {
  if (allowPrivateNetwork) return;
  const host = hostOf(url);
  const addresses = isIP(host) ? [host] : await resolveAll(host);
  const refused = addresses.find((a) => !isPublicAddress(a));
  if (refused) throw refusedAddress(host, refused);
}

function resolveAll(host: string): Promise<string[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => {
      if (error) reject(new RefusedUrlError(`host ${host} does not resolve (${error.code ?? error.message})`));
      else resolve(addresses.map((a) => a.address));
    }),
  );
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request: resolves the host, refuses it when any address is not public (unless
 * allowed), and hands the socket exactly the addresses it checked, so a second DNS answer cannot differ.
 */
export function guardedLookup(allowPrivateNetwork: boolean) {
  return (hostname: string, options: { family?: number; all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true, verbatim: true, family: options.family ?? 0 }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = allowPrivateNetwork ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (refused) return callback(refusedAddress(hostname, refused.address) as NodeJS.ErrnoException, []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
