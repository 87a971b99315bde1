import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `npm start` (src/main.ts) in a process of its own; resolves with its exit code and stderr. */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: join(__dirname, '../../..'),
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.resume();
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

describe('npm start', () => {
  let dir: string;
  let taken: Server;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'msp-startup-'));
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve)); // a port the OS picks, so no other test run holds it
  });
  afterAll(async () => {
    await new Promise((resolve) => taken.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('on a port already in use: one line naming the port and PORT, and a non-zero exit', async () => {
    const port = (taken.address() as AddressInfo).port;
    const { code, stderr } = await start({
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dir, 'msp.sqlite')}`,
      JWT_KEY_FILE: join(dir, 'jwt-keys.json'),
      MSP_VAULT_KEYRING_FILE: join(dir, 'vault-keyring.json'),
      MSP_ADMIN_PASSWORD: 'a password for the start test',
      LOG_LEVEL: 'silent',
    });
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining(`Port ${port} is already in use`)]);
    expect(stderr).toContain('PORT');
    expect(stderr).not.toContain('EADDRINUSE');
  });
});
