import type { Platform } from './generated/graphql.ts';

/** Node's process.platform names of the platforms the API has commands for. */
const PLATFORMS = new Map<string, Platform>([
  ['win32', 'WIN32'],
  ['darwin', 'DARWIN'],
  ['linux', 'LINUX'],
]);

/**
 * The API's Platform for Node's `process.platform`: `registerMachine({ input: { platform: platformOf(process.platform), … } })`.
 * Throws for the others (aix, freebsd, openbsd, sunos, android, …): their tools and package managers are
 * not Linux's, so registering them as LINUX would get them wrong commands.
 */
export function platformOf(nodePlatform: string): Platform {
  const platform = PLATFORMS.get(nodePlatform);
  if (!platform) throw new Error(`msp-tracker knows the platforms win32, darwin and linux, not "${nodePlatform}"`);
  return platform;
}
