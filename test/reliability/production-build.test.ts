import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { reliabilityBudget } from '../helpers/reliability-budget';
import { testDatabaseUrl, testDialect } from '../helpers/scratch-database';

const ROOT = join(__dirname, '../..');

function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

/** Starts the built server with production dependencies only and waits for /health 200. */
async function healthyServer(app: string, databaseUrl: string, port: number): Promise<{ status: number; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: app,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'a production signing secret of 32+ chars',
      MSP_VAULT_KEY: Buffer.alloc(32, 7).toString('base64'),
    },
  });
  let output = '';
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the built server exited ${child.exitCode}: ${output}`);
    const status = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return { status, stop: () => (child.kill('SIGTERM'), exited) };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The image's stages replayed (scripts/check-dockerfile-stages.mjs): the final stage has production
 * dependencies only, and the built server and operator scripts run there. The short budget reuses this
 * checkout's compiled better-sqlite3 instead of compiling it again (about 100 s).
 */
// the everyday suite replays the stages once (in its SQLite pass); `npm run test:reliability` on both databases
const replayHere = testDialect === 'sqlite' || reliabilityBudget(false, true);

(replayHere ? describe : describe.skip)('production build (Dockerfile stages replayed)', () => {
  let kept: string | undefined;
  afterAll(() => kept && rmSync(kept, { recursive: true, force: true }));

  // two npm ci runs and a tsc build: minutes on a busy machine
  it(
    'serves /health 200 and runs migrate and backup from dist/ with npm ci --omit=dev dependencies',
    async () => {
      const args = ['scripts/check-dockerfile-stages.mjs', '--keep', ...reliabilityBudget(['--reuse-native'], [])];
      const replay = await run(process.execPath, args, { cwd: ROOT });
      kept = /kept (\S+)/.exec(replay.output)?.[1];
      expect({ code: replay.code, tail: replay.output.slice(-2000) }).toMatchObject({ code: 0 });
      expect(replay.output).toMatch(/no dev dependency/);
      expect(replay.output).toMatch(/HEALTHCHECK passed/);
      const app = join(kept!, 'stage1', 'app');
      for (const dev of ['typescript', '@swc-node/register', 'jest']) expect(existsSync(join(app, 'node_modules', dev))).toBe(false);

      let databaseUrl = `sqlite:${join(kept!, 'prod.sqlite')}`;
      let drop = async () => undefined;
      if (testDialect === 'mariadb') {
        const url = new URL(testDatabaseUrl);
        const name = `msp_test_prod_build_${process.pid}`;
        const admin = await createConnection({
          host: url.hostname,
          port: Number(url.port || 3306),
          user: url.username || 'root',
          password: url.password,
        });
        await admin.query(`CREATE DATABASE \`${name}\``);
        drop = async () => {
          await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
          await admin.end();
        };
        url.pathname = `/${name}`;
        databaseUrl = url.toString();
      }
      try {
        const migrate = await run(process.execPath, ['dist/scripts/migrate.js'], { cwd: app, env: { DATABASE_URL: databaseUrl } });
        expect(migrate).toMatchObject({ code: 0, output: expect.stringMatching(/Applied \d+ migration/) });
        const server = await healthyServer(app, databaseUrl, 4000 + (process.pid % 150));
        expect(server.status).toBe(200);
        const backup = await run(process.execPath, ['dist/scripts/backup.js', '--out', join(kept!, 'prod-backup')], {
          cwd: app,
          env: { DATABASE_URL: databaseUrl },
        });
        expect(backup).toMatchObject({ code: 0, output: expect.stringContaining('backup written') });
        expect(await server.stop()).toBe(0); // SIGTERM: drained and exited cleanly
      } finally {
        await drop();
      }
    },
    30 * 60_000,
  );
});
