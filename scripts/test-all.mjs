#!/usr/bin/env node
// `npm test`: build the SDK and the CLI, type-check, lint, then the whole jest suite on SQLite and again on MariaDB, each at a fixed hour next to midnight UTC.
// A database that cannot be reached is a failure, never a silent skip.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection as createTcpConnection } from 'node:net';
import { createConnection } from 'mysql2/promise';

const mariadbUrl = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/test';
const jestArgs = process.argv.slice(2);

async function mariadbReachable() {
  try {
    const connection = await createConnection({ uri: mariadbUrl, connectTimeout: 3000 });
    await connection.end();
    return null;
  } catch (error) {
    return error.code ?? error.message;
  }
}

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function redisReachable() {
  const { hostname, port } = new URL(redisUrl);
  return new Promise((resolve) => {
    const socket = createTcpConnection({ host: hostname, port: Number(port || 6379), timeout: 3000 }, () => {
      socket.end();
      resolve(null);
    });
    socket.on('error', (error) => resolve(error.code ?? error.message));
    socket.on('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
  });
}

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n${label} failed.`);
    process.exit(result.status ?? 1);
  }
}

const problem = await mariadbReachable();
if (problem) {
  console.error(
    `MariaDB is not reachable at ${mariadbUrl.replace(/:[^:@/]*@/, ':***@')} (${problem}): start one (see README), ` +
      'point TEST_DATABASE_URL at one, or run `npm run test:sqlite` for SQLite only.',
  );
  process.exit(1);
}
const redisProblem = await redisReachable();
if (redisProblem) {
  console.error(
    `Redis is not reachable at ${redisUrl} (${redisProblem}): start one (redis-server), or point TEST_REDIS_URL at one; the shared rate-limit test needs it.`,
  );
  process.exit(1);
}

// Every test server logs into this folder; afterwards no line may hold a secret the tests used.
const logDir = mkdtempSync(join(tmpdir(), 'msp-test-logs-'));
const SECRETS = ['correct horse battery staple', 'Pa55w0rd-only-in-this-test!', 'wrong password!', 'a-new-long-password'];

if (spawnSync('faketime', ['-f', '+0', 'true']).status !== 0) {
  console.error('faketime is not installed (Debian: apt-get install faketime): the suite runs at fixed hours around midnight UTC with it.');
  process.exit(1);
}

/**
 * Runs a command with the clock starting at `hhmm` UTC today and ticking on (libfaketime). Every process it
 * starts shares that one clock (FAKETIME_DONT_RESET): a CLI spawned minutes later must not start again at
 * `hhmm`, or its timestamps would fall before the server's.
 */
const at = (hhmm, label, args, env) =>
  run(`${label} at ${hhmm} UTC`, 'faketime', ['-f', `@${new Date().toISOString().slice(0, 10)} ${hhmm}:00`, 'npx', ...args], {
    ...env,
    FAKETIME_DONT_RESET: '1',
  });
// The session and billing tests again at the other hour: together every database meets both sides of midnight.
const CLOCK_SENSITIVE = [
  'test/e2e/platform/seed',
  'test/e2e/tracking/sessions',
  'test/e2e/reporting/report',
  'test/e2e/tracking/session-summary',
  'test/e2e/billing/billing-lock',
  'test/e2e/tracking/ended-session',
];
const sqlite = { TEST_DB: 'sqlite', TZ: 'Pacific/Auckland', TEST_LOG_DIR: logDir };
const mariadb = { TEST_DB: 'mariadb', TZ: 'America/Los_Angeles', TEST_LOG_DIR: logDir };

// the CLI tests run the built `msp`, as a user would: build the SDK and the CLI from the sources first
run('build the SDK and the CLI', 'npm', ['run', 'prepare']);
run('type check', 'npx', ['tsc', '--noEmit']);
run('lint (ESLint, import cycles) and format', 'npm', ['run', 'lint']);
// Each run in a time zone far from UTC, east then west, and at a fixed hour next to midnight UTC, so no
// test can lean on the machine being in UTC or on the time of day.
at('00:05', 'tests on SQLite (TZ=Pacific/Auckland)', ['jest', ...jestArgs], sqlite);
at('23:55', 'tests on MariaDB (TZ=America/Los_Angeles)', ['jest', ...jestArgs], mariadb);
if (!jestArgs.length) {
  at('23:55', 'clock-sensitive tests on SQLite', ['jest', ...CLOCK_SENSITIVE], sqlite);
  at('00:05', 'clock-sensitive tests on MariaDB', ['jest', ...CLOCK_SENSITIVE], mariadb);
}

console.log('\n=== secrets in server logs ===');
const files = readdirSync(logDir);
const leaks = files.flatMap((file) => {
  const text = readFileSync(join(logDir, file), 'utf8');
  return SECRETS.filter((secret) => text.includes(secret)).map((secret) => `${file}: "${secret.slice(0, 4)}…"`);
});
if (leaks.length) {
  console.error(`A secret used by the tests reached a server log:\n${leaks.join('\n')}\n(logs kept in ${logDir})`);
  process.exit(1);
}
const lines = files.reduce((n, file) => n + readFileSync(join(logDir, file), 'utf8').split('\n').filter(Boolean).length, 0);
console.log(`${lines} log lines from ${files.length} test servers hold none of the ${SECRETS.length} test secrets.`);
rmSync(logDir, { recursive: true, force: true });
console.log('\nAll tests passed on SQLite and MariaDB.');
