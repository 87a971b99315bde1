import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/** A port nobody listens on right now (the kernel's pick), for a server the test starts itself. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface PrivateMariadb {
  port: number;
  /** A mysql:// URL for `database` on this server. */
  url(database: string): string;
  /** SIGKILL, as a crash would; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts the server again on the same data directory; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops it for good (SIGKILL: the data directory is thrown away). */
  stop(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

/**
 * A MariaDB server of the test's own, never the shared one: its own data directory under `dir`, its
 * own port and socket, a child process of the test. Needs mariadb-install-db and mariadbd (Debian's mariadb-server).
 */
export async function startPrivateMariadb(dir: string): Promise<PrivateMariadb> {
  const datadir = join(dir, 'mariadb');
  mkdirSync(datadir, { recursive: true });
  // mariadbd refuses to run as root; as root it runs as mysql, which must own the directory
  if (asRoot)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'mysql']).toString().trim()),
      Number(execFileSync('id', ['-g', 'mysql']).toString().trim()),
    );
  const user = asRoot ? ['--user=mysql'] : [];
  execFileSync(
    'mariadb-install-db',
    ['--no-defaults', `--datadir=${datadir}`, ...user, '--auth-root-authentication-method=normal', '--skip-test-db'],
    { stdio: 'ignore' },
  );
  const port = await freePort();
  let child: ChildProcess | null = null;
  let log = '';

  const start = async () => {
    const server = spawn(
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${datadir}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(dir, 'mariadb.sock')}`,
        `--pid-file=${join(dir, 'mariadb.pid')}`,
        ...user,
        '--innodb-buffer-pool-size=32M',
        '--skip-log-bin',
        '--max-connections=200',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    server.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
    child = server;
    for (let attempt = 0; ; attempt++) {
      if (server.exitCode !== null) throw new Error(`the private MariaDB exited with ${server.exitCode}:\n${log}`);
      try {
        const connection = await createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 1000 });
        await connection.end();
        return;
      } catch (error) {
        if (attempt > 600)
          throw new Error(`the private MariaDB did not accept connections: ${(error as Error).message}\n${log}`, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const gone = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await gone;
  };
  await start();
  return { port, url: (database) => `mysql://root@127.0.0.1:${port}/${database}`, kill, start, stop: kill };
}
