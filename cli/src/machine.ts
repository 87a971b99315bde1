import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { homedir, hostname, userInfo } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { platformOf, type Platform } from '@msp-tracker/sdk';

export interface MachineIdentity {
  hostname: string;
  username: string;
  platform: Platform;
  homeDirectory: string;
}

export const localIdentity = (): MachineIdentity => ({
  hostname: hostname(),
  username: userInfo().username,
  platform: platformOf(process.platform),
  homeDirectory: homedir(),
});

/** The same fingerprint the service computes: SHA-256 of hostname|username|platform|home, platform as Node spells it. */
export const fingerprintOf = (identity: MachineIdentity): string =>
  createHash('sha256').update([identity.hostname, identity.username, process.platform, identity.homeDirectory].join('|')).digest('hex');

/** The first line a program prints, or null when it is absent or fails (each probe is bounded by a timeout). */
function firstLine(command: string, args: string[]): string | null {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 3000, stdio: ['ignore', 'pipe', 'ignore'] });
  if (result.status !== 0 || !result.stdout) return null;
  return result.stdout.split('\n')[0]!.trim() || null;
}

const onPath = (program: string): boolean =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => ['', '.exe', '.cmd'].some((ext) => existsSync(join(dir, program + ext))));

/** Package managers and how each installs one package; `{package}` is filled in by the service. */
const PACKAGE_MANAGERS: [string, string][] = [
  ['apt-get', 'sudo apt-get install -y {package}'],
  ['dnf', 'sudo dnf install -y {package}'],
  ['yum', 'sudo yum install -y {package}'],
  ['pacman', 'sudo pacman -S --noconfirm {package}'],
  ['apk', 'sudo apk add {package}'],
  ['zypper', 'sudo zypper install -y {package}'],
  ['brew', 'brew install {package}'],
  ['winget', 'winget install --id {package}'],
  ['choco', 'choco install -y {package}'],
  ['scoop', 'scoop install {package}'],
];

/** VPN profiles this user can see: NetworkManager connections of a VPN kind, WireGuard and OpenVPN configs. */
function vpnProfiles(): string[] {
  const fromNetworkManager = onPath('nmcli')
    ? (spawnSync('nmcli', ['-t', '-f', 'NAME,TYPE', 'connection', 'show'], { encoding: 'utf8', timeout: 3000 }).stdout ?? '')
        .split('\n')
        .map((line) => line.split(':'))
        .filter(([, type]) => /vpn|wireguard/.test(type ?? ''))
        .map(([name]) => name!)
    : [];
  const configs = ['/etc/wireguard', '/etc/openvpn', '/etc/openvpn/client'].flatMap((dir) => {
    try {
      return readdirSync(dir)
        .filter((f) => /\.(conf|ovpn)$/.test(f))
        .map((f) => f.replace(/\.(conf|ovpn)$/, ''));
    } catch {
      return [];
    }
  });
  return [...new Set([...fromNetworkManager, ...configs])];
}

export interface DetectedCapabilities {
  docker: boolean;
  shellVersion?: string;
  powershellVersion?: string;
  packageManagers: { name: string; install: string }[];
  vpnProfiles: string[];
}

/** What this machine offers an agent, found by asking the programs themselves (each probe bounded). */
export function detectCapabilities(): { preferredShell: string | null; capabilities: DetectedCapabilities } {
  const shellPath = process.env.SHELL ?? (process.platform === 'win32' ? 'powershell' : null);
  const preferredShell = shellPath ? basename(shellPath).replace(/\.exe$/, '') : null;
  const shellVersion = shellPath && preferredShell !== 'powershell' ? firstLine(shellPath, ['--version']) : null;
  const powershell = onPath('pwsh') ? 'pwsh' : onPath('powershell') ? 'powershell' : null;
  const powershellVersion = powershell ? firstLine(powershell, ['-NoProfile', '-Command', '$PSVersionTable.PSVersion.ToString()']) : null;
  return {
    preferredShell,
    capabilities: {
      // on PATH and answering: a docker CLI without a running engine cannot run containers
      docker: onPath('docker') && spawnSync('docker', ['info'], { timeout: 5000, stdio: 'ignore' }).status === 0,
      ...(shellVersion ? { shellVersion: shellVersion.slice(0, 50) } : {}),
      ...(powershellVersion ? { powershellVersion: powershellVersion.slice(0, 20) } : {}),
      packageManagers: PACKAGE_MANAGERS.filter(([name]) => onPath(name)).map(([name, install]) => ({ name, install })),
      vpnProfiles: vpnProfiles(),
    },
  };
}
