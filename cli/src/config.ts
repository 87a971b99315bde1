import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** What `msp` remembers between runs; the tokens make it a secret, so the file is the user's alone (0600). */
export interface CliConfig {
  url?: string;
  email?: string;
  accessToken?: string;
  refreshToken?: string;
  /** The session later commands log into, so they need no id. */
  session?: { id: string; clientId: string | null; title: string };
  machineId?: string;
}

export const configDir = (): string => process.env.MSP_CONFIG_DIR ?? join(homedir(), '.config', 'msp');
const configFile = () => join(configDir(), 'config.json');

export function readConfig(): CliConfig {
  try {
    return JSON.parse(readFileSync(configFile(), 'utf8')) as CliConfig;
  } catch {
    return {};
  }
}

/** Written whole through a temporary file, so a crash never leaves half a config. */
export function writeConfig(config: CliConfig): void {
  mkdirSync(configDir(), { recursive: true, mode: 0o700 });
  const temporary = `${configFile()}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, configFile());
}

export function updateConfig(change: (config: CliConfig) => CliConfig): CliConfig {
  const next = change(readConfig());
  writeConfig(next);
  return next;
}

/** The API and token to use: `MSP_API_URL` and `MSP_TOKEN` (how an agent gets its token) win over the file. */
export function connection(config: CliConfig = readConfig()): {
  url: string | undefined;
  token: string | undefined;
  fromEnvironment: boolean;
} {
  const token = process.env.MSP_TOKEN ?? config.accessToken;
  return { url: process.env.MSP_API_URL ?? config.url, token, fromEnvironment: Boolean(process.env.MSP_TOKEN) };
}
