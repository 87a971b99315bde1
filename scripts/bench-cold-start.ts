/**
 * `npm run bench:cold-start [-- --runs 5] [-- --mariadb mysql://root@127.0.0.1:3306]`: process start to the
 * first `/health` 200, median of N runs, for the dev start (swc at run time) and the built start
 * (`node dist/src/main.js`, run `npm run build` first), on SQLite and on MariaDB. Each pair gets a new
 * database: its first start applies every migration (reported apart), the timed runs restart on it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createConnection } from 'mysql2/promise';

const ROOT = join(__dirname, '..');

export interface ColdStartFigure {
  start: 'dev' | 'built';
  database: 'sqlite' | 'mariadb';
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** The first start, on the empty database: every migration applied. */
  firstStartMs: number;
}

const START_COMMANDS: Record<ColdStartFigure['start'], string[]> = {
  dev: ['-r', '@swc-node/register', 'src/main.ts'],
  built: ['dist/src/main.js'],
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** One cold start: spawn, poll /health every 20 ms, then SIGTERM and wait for the exit. */
async function coldStartMs(args: string[], databaseUrl: string, dataDir: string): Promise<number> {
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    JWT_KEY_FILE: join(dataDir, 'jwt.json'),
    MSP_VAULT_KEYRING_FILE: join(dataDir, 'vault.json'),
    MSP_ADMIN_PASSWORD: 'cold start bench password',
  };
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited ${child.exitCode}: ${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return performance.now() - started;
      if (performance.now() - started > 120_000) throw new Error(`no /health 200 after 120 s: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A new database per run: a SQLite file in a temporary folder, or a database on the MariaDB server (dropped afterwards). */
async function withFreshDatabase<T>(
  database: ColdStartFigure['database'],
  mariadbServer: string,
  run: (url: string, dir: string) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'msp-cold-'));
  if (database === 'sqlite') {
    try {
      return await run(`sqlite:${join(dir, 'msp.sqlite')}`, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const server = new URL(mariadbServer);
  const name = `msp_cold_start_${process.pid}_${Date.now() % 100000}`;
  const admin = await createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username || 'root'),
    password: decodeURIComponent(server.password),
  });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  try {
    server.pathname = `/${name}`;
    return await run(server.toString(), dir);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median cold start of each start × database; the built start only when dist/ exists. */
export async function benchColdStart(
  options: { runs?: number; mariadbServer?: string; databases?: ColdStartFigure['database'][] } = {},
): Promise<ColdStartFigure[]> {
  const runs = options.runs ?? 5;
  const mariadbServer = options.mariadbServer ?? 'mysql://root@127.0.0.1:3306';
  const starts = (['dev', 'built'] as const).filter((start) => start === 'dev' || existsSync(join(ROOT, 'dist/src/main.js')));
  const figures: ColdStartFigure[] = [];
  for (const database of options.databases ?? (['sqlite', 'mariadb'] as const)) {
    for (const start of starts) {
      await withFreshDatabase(database, mariadbServer, async (url, dir) => {
        const firstStartMs = await coldStartMs(START_COMMANDS[start], url, dir);
        const times: number[] = [];
        for (let i = 0; i < runs; i++) times.push(await coldStartMs(START_COMMANDS[start], url, dir));
        figures.push({
          start,
          database,
          runs,
          medianMs: Math.round(median(times)),
          minMs: Math.round(Math.min(...times)),
          maxMs: Math.round(Math.max(...times)),
          firstStartMs: Math.round(firstStartMs),
        });
      });
    }
  }
  return figures;
}

export function formatColdStart(figures: ColdStartFigure[]): string {
  const lines = figures.map(
    (f) =>
      `${f.start.padEnd(6)} ${f.database.padEnd(8)} median ${(f.medianMs / 1000).toFixed(2)} s  (min ${(f.minMs / 1000).toFixed(2)}, max ${(f.maxMs / 1000).toFixed(2)}, ${f.runs} runs); first start with migrations ${(f.firstStartMs / 1000).toFixed(2)} s`,
  );
  return ['cold start: process start to /health 200 on a migrated database (goal <= 3 s)', ...lines].join('\n');
}

if (require.main === module) {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '5' }, mariadb: { type: 'string' }, 'sqlite-only': { type: 'boolean', default: false } },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100) {
    console.error('--runs must be a whole number from 1 to 100');
    process.exit(2);
  }
  if (!existsSync(join(ROOT, 'dist/src/main.js'))) console.error('no dist/: run `npm run build` to measure the built start too');
  benchColdStart({ runs, mariadbServer: values.mariadb, databases: values['sqlite-only'] ? ['sqlite'] : undefined })
    .then((figures) => console.log(formatColdStart(figures)))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
