#!/usr/bin/env node
// `npm run check:dockerfile [-- --keep] [-- --reuse-native]`: replays the Dockerfile where no Docker
// engine runs. Each stage gets a directory of its own standing for its file system; WORKDIR, ENV, COPY
// (from the build context or --from a stage) and RUN are carried out there, in order. Then the final
// stage's CMD starts and its HEALTHCHECK is polled until healthy; prints the production tree's size
// and the start-up time, and checks no dev dependency reached the final stage.
//
// Not replayed, said so in the output: apt-get (the tools must be on this machine: python3, make, g++),
// chown and USER (no `node` user here), RUN --mount (npm's cache on this machine is used).
// --reuse-native: copy this checkout's compiled better-sqlite3 instead of `npm rebuild` (about 100 s).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, posix } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const IGNORED = new Set(
  readFileSync(join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim().replace(/^\*\*\//, ''))
    .filter(Boolean),
);

/** Instructions of the Dockerfile: continuation lines joined, comments and blank lines dropped. */
export function parseDockerfile(text) {
  const joined = text.replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, op, rest] = /^(\w+)\s+(.*)$/.exec(line);
      return { op: op.toUpperCase(), args: rest };
    });
}

const execForm = (args) => (args.trim().startsWith('[') ? JSON.parse(args) : ['/bin/sh', '-c', args]);

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const du = (path) => Number(execFileSync('du', ['-sk', path], { encoding: 'utf8' }).split('\t')[0]) * 1024;
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** Replays the stages; returns the final stage's directory, its workdir, env, CMD and HEALTHCHECK. */
export function replay(dockerfile, workRoot, { reuseNative = false, log = console.log } = {}) {
  const stages = [];
  let stage;
  // RUN sees a chown that says what it would do: there is no `node` user on this machine
  const shims = join(workRoot, 'shims');
  mkdirSync(shims, { recursive: true });
  writeFileSync(join(shims, 'chown'), '#!/bin/sh\necho "  (replay: chown $* not applied)"\n');
  chmodSync(join(shims, 'chown'), 0o755);
  const inStage = (s, path) => join(s.root, isAbsolute(path) ? path : posix.join(s.workdir, path));
  for (const { op, args } of parseDockerfile(dockerfile)) {
    if (op === 'FROM') {
      const name = /\s+AS\s+(\S+)/i.exec(args)?.[1] ?? `stage${stages.length}`;
      stage = { name, root: join(workRoot, name), workdir: '/', env: {}, cmd: null, healthcheck: null, volumes: [] };
      mkdirSync(stage.root, { recursive: true });
      stages.push(stage);
      log(`FROM ${args}`);
    } else if (op === 'WORKDIR') {
      stage.workdir = posix.join(stage.workdir, args);
      mkdirSync(inStage(stage, '.'), { recursive: true });
    } else if (op === 'ENV') {
      for (const [, key, value] of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) stage.env[key] = value.replace(/^"|"$/g, '');
    } else if (op === 'COPY') {
      const words = args.split(/\s+/);
      const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
      const [dest, ...sources] = words.filter((w) => !w.startsWith('--')).reverse();
      const source = from ? stages.find((s) => s.name === from) : null;
      if (from && !source) throw new Error(`COPY --from=${from}: no such stage`);
      for (const src of sources.reverse()) {
        const origin = source ? join(source.root, src) : join(ROOT, src);
        if (!existsSync(origin)) throw new Error(`COPY ${src}: not found`);
        const target = dest.endsWith('/') || sources.length > 1 ? join(inStage(stage, dest), posix.basename(src)) : inStage(stage, dest);
        mkdirSync(dirname(target), { recursive: true });
        // the build context leaves out what .dockerignore names
        cpSync(origin, src === '.' ? inStage(stage, dest) : target, {
          recursive: true,
          filter: (p) => source || !IGNORED.has(p.slice(ROOT.length + 1).split('/')[0]),
        });
      }
      log(`COPY ${args}`);
    } else if (op === 'RUN') {
      let command = args.replace(/--mount=\S+\s+/g, '');
      if (/^apt-get\b/.test(command)) {
        const missing = ['python3', 'make', 'g++'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
        if (missing.length) throw new Error(`RUN apt-get is not replayed, and ${missing.join(', ')} is missing here`);
        log(`RUN ${command.slice(0, 60)}… (not replayed: python3, make and g++ are on this machine)`);
        continue;
      }
      const native = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
      const skipRebuild = reuseNative && command.includes('npm rebuild better-sqlite3');
      if (skipRebuild) command = command.replace(/&&\s*npm rebuild better-sqlite3/, '');
      log(`RUN ${command}`);
      const started = Date.now();
      execFileSync('/bin/sh', ['-c', command], {
        cwd: inStage(stage, '.'),
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, ...stage.env, PATH: `${shims}:${process.env.PATH}` },
      });
      if (skipRebuild) {
        // after npm ci, which empties node_modules first
        mkdirSync(dirname(inStage(stage, native)), { recursive: true });
        cpSync(join(ROOT, native), inStage(stage, native));
        log("  (--reuse-native: this checkout's compiled better-sqlite3 instead of npm rebuild)");
      }
      log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } else if (op === 'CMD') {
      stage.cmd = execForm(args);
    } else if (op === 'HEALTHCHECK') {
      stage.healthcheck = execForm(args.replace(/^(--\S+\s+)*CMD\s+/, ''));
    } else if (op === 'VOLUME') {
      stage.volumes.push(args);
    } else {
      log(`${op} ${args}${op === 'USER' ? ' (not replayed: no such user here)' : ''}`);
    }
  }
  return stage;
}

/** Starts the final stage's CMD and polls its HEALTHCHECK; resolves with the milliseconds until healthy. */
export async function startAndCheck(stage, env = {}) {
  const port = await freePort();
  const cwd = join(stage.root, stage.workdir);
  const fullEnv = { PATH: process.env.PATH, ...stage.env, PORT: String(port), LOG_LEVEL: 'warn', ...env };
  const started = performance.now();
  const server = spawn(stage.cmd[0], stage.cmd.slice(1), { cwd, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error(`CMD exited ${server.exitCode}:\n${output}`);
      if (spawnSync(stage.healthcheck[0], stage.healthcheck.slice(1), { cwd, env: fullEnv }).status === 0) break;
      if (performance.now() - started > 60_000) throw new Error(`not healthy after 60 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { healthyMs: performance.now() - started, port };
  } finally {
    server.kill('SIGTERM');
    const code = await exited;
    if (code !== 0 && code !== null) console.error(`CMD exited ${code} after SIGTERM:\n${output}`);
  }
}

/** What must not be in the production tree: the packages the lock file marks dev-only (some dev dependencies, @types/node, are also a production one's). */
export function devDependenciesIn(stage) {
  const { packages } = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  return Object.entries(packages)
    .filter(([path, entry]) => entry.dev && path.startsWith('node_modules/'))
    .map(([path]) => path)
    .filter((path) => existsSync(join(stage.root, stage.workdir, path)));
}

export function productionTreeSize(stage) {
  const app = join(stage.root, stage.workdir);
  return { nodeModules: du(join(app, 'node_modules')), dist: du(join(app, 'dist')), total: du(app) };
}

async function main() {
  const keep = process.argv.includes('--keep');
  const workRoot = mkdtempSync(join(tmpdir(), 'msp-dockerfile-'));
  try {
    const stage = replay(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'), workRoot, {
      reuseNative: process.argv.includes('--reuse-native'),
    });
    const dev = devDependenciesIn(stage);
    if (dev.length) throw new Error(`dev dependencies in the final stage: ${dev.join(', ')}`);
    const size = productionTreeSize(stage);
    console.log(`final stage /app: ${mib(size.total)} (node_modules ${mib(size.nodeModules)}, dist ${mib(size.dist)}); no dev dependency`);
    const { healthyMs } = await startAndCheck(stage);
    console.log(
      `CMD ${stage.cmd.join(' ')}: HEALTHCHECK passed ${(healthyMs / 1000).toFixed(2)} s after start (SQLite in ${stage.volumes.join(', ')})`,
    );
  } finally {
    if (keep) console.log(`kept ${workRoot}`);
    else rmSync(workRoot, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
