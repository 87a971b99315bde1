import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import puppeteer, { Browser } from 'puppeteer-core';

/** A Chromium on PATH (Debian's package installs `chromium`); null where there is none. */
export function findChromium(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      if (existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return null;
}

/**
 * Headless Chromium that reaches loopback only: every other address goes through a proxy port where
 * nothing listens (Chromium never proxies loopback), so a page that needs the internet fails here.
 */
export function launchOffline(executablePath: string): Promise<Browser> {
  return puppeteer.launch({ executablePath, args: ['--no-sandbox', '--proxy-server=127.0.0.1:9'] });
}
