import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
export const SPAWNED_ADMIN_PASSWORD = 'spawned-server-password';

export interface SpawnedServer {
  child: ChildProcess;
  url: string;
  /** http://localhost:PORT, for /health and /ready. */
  origin: string;
  exited: Promise<number | null>;
  /** Everything it printed so far (JSON log lines at LOG_LEVEL info). */
  output(): string;
  /** Resident set size of the server process, in bytes (Linux /proc). */
  rss(): number;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<number | null>;
  /** A token of the first admin (admin@localhost). */
  adminToken(): Promise<string>;
}

/** `npm start`'s entry point in a process of its own, with `env` on top of test settings; resolves once it listens. */
export function spawnServer(dir: string, env: Record<string, string>): Promise<SpawnedServer> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      JWT_SECRET: 'x'.repeat(40),
      MSP_VAULT_KEYRING_FILE: join(dir, 'vault.json'),
      MSP_ADMIN_PASSWORD: SPAWNED_ADMIN_PASSWORD,
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_LOGIN_FAILURES_PER_15_MIN: '1000',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let ready = false;
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = ready ? undefined : /ready at (http:\/\/\S+\/graphql)/.exec(output)?.[1];
      if (!url) return;
      ready = true;
      const server: SpawnedServer = {
        child,
        url,
        origin: new URL(url).origin,
        exited,
        output: () => output,
        rss: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
        adminToken: async () => {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              query: `mutation { login(input: { email: "admin@localhost", password: "${SPAWNED_ADMIN_PASSWORD}" }) { accessToken } }`,
            }),
          });
          return ((await response.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
        },
      };
      resolve(server);
    });
    void exited.then((code) => reject(new Error(`the server exited with ${code} before it was ready:\n${output}`)));
  });
}
