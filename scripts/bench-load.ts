/**
 * `npm run bench [-- --quick] [--rounds 6] [--duration 20] [--runs 30] [--url mysql://…/msp_bench] [--shapes N,R] [--no-agents]`
 * (BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles both servers):
 * the service (`src/main.ts`, a child process, so its RSS is its own) and the raw baseline
 * (bench-raw-server.ts, another child) on the dataset `npm run bench:data` wrote. For shapes N and R, in
 * alternating rounds: p50/p95/p99 one request at a time, then throughput and p99 at 10 connections
 * (autocannon), ratios paired within each round; for the agent operations the same figures once. SQL
 * statements per request come from the service's /metrics histogram. Prints a markdown table and writes it
 * with the JSON under bench/results/.
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { DocumentNode, print } from 'graphql';
import * as ops from '../sdk/generated/graphql';
import { dbTime } from '../src/database/db-time';
import { BENCH_MARIADB_URL, BENCH_VAULT_KEY, DATA_END, HOSTS_PER_CLIENT } from './bench-data';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number | string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : String(fallback);
};
const quick = flag('quick');
const settings = {
  url: option('url', process.env.BENCH_DATABASE_URL ?? BENCH_MARIADB_URL),
  rounds: Number(option('rounds', quick ? 2 : 6)),
  duration: Number(option('duration', quick ? 5 : 20)),
  runs: Number(option('runs', quick ? 10 : 30)),
  connections: Number(option('connections', 10)),
  agents: !flag('no-agents'),
  shapes: option('shapes', 'N,R').split(',') as ('N' | 'R')[],
};
const SERVICE_PORT = 4111;
const RAW_PORT = 4112;
const MiB = 1024 * 1024;

interface Child {
  process: ChildProcess;
  pid: number;
}

/** Starts a TypeScript entry point as a child node process; resolves when it prints `ready` or `readyUrl` answers 200. */
function startChild(script: string, argv: string[], env: Record<string, string>, ready: RegExp | string): Promise<Child> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), script, ...argv],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const look = (chunk: Buffer) => {
      output += chunk;
      if (typeof ready !== 'string' && ready.test(output)) resolve({ process: child, pid: child.pid! });
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready:\n${output.slice(-2000)}`)));
    if (typeof ready === 'string') {
      const poll = setInterval(() => {
        fetch(ready)
          .then((response) => {
            if (response.ok) {
              clearInterval(poll);
              resolve({ process: child, pid: child.pid! });
            }
          })
          .catch(() => undefined);
      }, 200);
      child.once('exit', () => clearInterval(poll));
    }
  });
}

/** Resident memory now and its peak since the last reset (VmHWM), from /proc. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** Starts a new peak: Linux resets VmHWM to the current RSS when 5 is written to clear_refs. */
const resetPeak = (pid: number) => writeFileSync(`/proc/${pid}/clear_refs`, '5');

interface Target {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

async function send(target: Target): Promise<string> {
  const response = await fetch(target.url, { method: target.method, headers: target.headers, body: target.body });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) throw new Error(`${target.url} answered ${response.status}: ${text.slice(0, 500)}`);
  return text;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

interface Sequential {
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
}

/** `runs` requests one after the other (after one to warm up). */
async function sequential(target: Target, runs: number): Promise<Sequential> {
  let bytes = (await send(target)).length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    bytes = (await send(target)).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), bytes };
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  peak: number;
  rssAfter: number;
}

/** `connections` connections for `duration` seconds; the server's RSS peak over that time. */
async function load(target: Target, pid: number): Promise<Load> {
  resetPeak(pid);
  const result = await autocannon({ ...target, connections: settings.connections, duration: settings.duration });
  const memory = memoryOf(pid);
  return {
    rps: result.requests.total / settings.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
    peak: memory.peak,
    rssAfter: memory.rss,
  };
}

/** Statements and requests of the service so far, summed over the /metrics histogram. */
async function statementsSoFar(): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(`http://127.0.0.1:${SERVICE_PORT}/metrics`)).text();
  const total = (series: string) =>
    [...text.matchAll(new RegExp(`^msp_graphql_request_statements_${series}\\{[^}]*\\} (\\d+)`, 'gm'))].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );
  return { sum: total('sum'), count: total('count') };
}

/** The statements of one request; measured again while requests a load left in flight still finish. */
async function statementsOf(target: Target): Promise<number> {
  for (;;) {
    const before = await statementsSoFar();
    await send(target);
    const after = await statementsSoFar();
    if (after.count - before.count === 1) return after.sum - before.sum;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const graphql = (token: string, document: DocumentNode, variables: Record<string, unknown>): Target => ({
  url: `http://127.0.0.1:${SERVICE_PORT}/graphql`,
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify({ query: print(document), variables }),
});
const raw = (path: string): Target => ({
  url: `http://127.0.0.1:${RAW_PORT}${path}`,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: '{}',
});

async function gql<T>(token: string, document: DocumentNode, variables: Record<string, unknown> = {}): Promise<T> {
  return (JSON.parse(await send(graphql(token, document, variables))) as { data: T }).data;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

interface RoundFigures {
  service: { one: Sequential; load: Load };
  raw: { one: Sequential; load: Load };
}

async function main() {
  // fixed: the first start makes this admin in the bench database and later starts must log in as it again
  const password = 'bench admin password 13';
  const email = 'bench@bench.local';
  const loads: number[] = [];
  const loadTimer = setInterval(() => loads.push(loadavg()[0]), 5000);
  console.log(
    `npm run bench: ${settings.rounds} rounds, ${settings.duration} s at ${settings.connections} connections, ${settings.runs} requests one at a time, on ${settings.url}`,
  );
  const service = await startChild(
    'src/main.ts',
    [],
    {
      DATABASE_URL: settings.url,
      PORT: String(SERVICE_PORT),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      MSP_ADMIN_EMAIL: email,
      MSP_ADMIN_PASSWORD: password,
      MSP_VAULT_KEY: BENCH_VAULT_KEY,
      JWT_SECRET: randomBytes(32).toString('hex'),
      RATE_LIMIT_PER_MINUTE: '100000000',
    },
    `http://127.0.0.1:${SERVICE_PORT}/ready`,
  );
  const rawServer = await startChild('scripts/bench-raw-server.ts', [settings.url, String(RAW_PORT)], {}, /listening/);
  const children = [service, rawServer];
  try {
    const login = await fetch(`http://127.0.0.1:${SERVICE_PORT}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: print(ops.LoginDocument), variables: { input: { email, password } } }),
    });
    const answer = (await login.json()) as { data?: { login: { accessToken: string } } };
    if (!answer.data?.login) throw new Error(`The bench could not log in: ${JSON.stringify(answer)}`);
    const token = answer.data.login.accessToken;
    const clients = await gql<{ clients: { edges: { node: { id: string; name: string } }[] } }>(token, ops.ClientsDocument, { first: 1 });
    const client = clients.clients.edges[0].node;
    const year = { from: new Date(DATA_END.getTime() - 365 * 86_400_000), to: DATA_END };
    const shapes = {
      N: { service: graphql(token, ops.ClientTreeDocument, { first: 20 }), raw: raw('/n?first=20') },
      R: {
        service: graphql(token, ops.ReportDocument, {
          filter: { clientId: client.id, from: year.from.toISOString(), to: year.to.toISOString() },
        }),
        raw: raw(`/r?clientId=${client.id}&from=${encodeURIComponent(dbTime(year.from))}&to=${encodeURIComponent(dbTime(year.to))}`),
      },
    };
    const statements = { N: await statementsOf(shapes.N.service), R: await statementsOf(shapes.R.service) };
    const rounds: Record<'N' | 'R', RoundFigures[]> = { N: [], R: [] };
    const startupRss = memoryOf(service.pid).rss;
    for (let round = 0; round < settings.rounds; round++) {
      for (const shape of settings.shapes) {
        const order = round % 2 === 0 ? (['raw', 'service'] as const) : (['service', 'raw'] as const);
        const figures = {} as RoundFigures;
        for (const side of order) {
          const pid = side === 'service' ? service.pid : rawServer.pid;
          figures[side] = { one: await sequential(shapes[shape][side], settings.runs), load: await load(shapes[shape][side], pid) };
        }
        rounds[shape].push(figures);
        const f = figures;
        console.log(
          `  round ${round + 1} ${shape}: one at a time p50 ${f.service.one.p50.toFixed(0)} vs raw ${f.raw.one.p50.toFixed(0)} ms (${(f.service.one.p50 / f.raw.one.p50).toFixed(2)}x); ` +
            `${settings.connections} connections ${f.service.load.rps.toFixed(1)} vs raw ${f.raw.load.rps.toFixed(1)} req/s (${(f.service.load.rps / f.raw.load.rps).toFixed(2)}x); ` +
            `service RSS peak ${(f.service.load.peak / MiB).toFixed(0)} MiB; load average ${loadavg()[0].toFixed(1)}`,
        );
      }
    }
    const agents = settings.agents ? await benchAgents(token, client.id) : [];
    const summary = {
      settings,
      startedRssMiB: startupRss / MiB,
      loadAverage: { min: Math.min(...loads), max: Math.max(...loads), median: median(loads) },
      statements,
      rounds,
      agents,
    };
    report(summary);
  } finally {
    clearInterval(loadTimer);
    for (const child of children) child.process.kill('SIGTERM');
  }
}

interface AgentFigures {
  name: string;
  statements: number;
  one: Sequential;
  load?: Load;
}

/** The agent operations of the older in-process bench, on this dataset: reads under load too, writes one at a time. */
async function benchAgents(token: string, clientId: string): Promise<AgentFigures[]> {
  // the generator gives client c the hosts (c - 1) * HOSTS_PER_CLIENT + 1 …; the first is a Windows server
  const hostId = String((Number(clientId) - 1) * HOSTS_PER_CLIENT + 1);
  const quarter = { from: new Date(DATA_END.getTime() - 92 * 86_400_000).toISOString(), to: DATA_END.toISOString() };
  const year = { from: new Date(DATA_END.getTime() - 365 * 86_400_000).toISOString(), to: DATA_END.toISOString() };
  const machine = await gql<{ registerMachine: { machine: { id: string } } }>(token, ops.RegisterMachineDocument, {
    input: {
      hostname: 'TECH-LAPTOP',
      username: 'mike',
      platform: 'WIN32',
      homeDirectory: 'C:\\Users\\mike',
      preferredShell: 'powershell',
      capabilities: { powershellVersion: '7.4', packageManagers: [{ name: 'winget', install: 'winget install --id {package} -e' }] },
    },
  });
  const session = await gql<{ startSession: { id: string } }>(token, ops.StartSessionDocument, {
    input: { mode: 'MSP', clientId, title: 'Benchmark writes' },
  });
  const research = await gql<{ startSession: { id: string } }>(token, ops.StartSessionDocument, {
    input: { mode: 'NORMAL', title: 'Benchmark notes' },
  });
  const reads: [string, Target][] = [
    ['contextRecovery', graphql(token, ops.ContextRecoveryDocument, { clientId })],
    [
      'environmentContext + command',
      graphql(token, ops.EnvironmentContextDocument, { infrastructureId: hostId, command: 'Get-LocalUser -Name svc_backup' }),
    ],
    [
      'categorizeWork',
      graphql(token, ops.CategorizeWorkDocument, {
        text: 'Get-LocalUser failed on DC01; used Get-WmiObject instead and reset the backup service account password.',
      }),
    ],
    ['search "nginx" first 10', graphql(token, ops.SearchDocument, { text: 'nginx restart', first: 10 })],
    ['search same + client filter', graphql(token, ops.SearchDocument, { text: 'nginx restart', first: 10, filter: { clientId } })],
    ['similarProblems top 3', graphql(token, ops.SimilarProblemsDocument, { description: 'Access is denied on Get-LocalUser', top: 3 })],
    [
      'report client Q3 [MONTH, CATEGORY]',
      graphql(token, ops.ReportDocument, { filter: { clientId, ...quarter }, groupBy: ['MONTH', 'CATEGORY'] }),
    ],
    ['report all clients year [CLIENT]', graphql(token, ops.ReportDocument, { filter: year, groupBy: ['CLIENT'] })],
    [
      'commandFor INSTALL_PACKAGE',
      graphql(token, ops.CommandForDocument, {
        machineId: machine.registerMachine.machine.id,
        task: 'INSTALL_PACKAGE',
        args: { package: 'git' },
      }),
    ],
  ];
  const writes: [string, Target][] = [
    [
      'logCommand failed',
      graphql(token, ops.LogCommandDocument, {
        input: {
          sessionId: session.startSession.id,
          infrastructureId: hostId,
          command: 'Get-LocalUser -Name bob',
          shell: 'powershell',
          success: false,
          errorMessage: 'Access is denied.',
        },
      }),
    ],
    [
      'note',
      graphql(token, ops.NoteDocument, {
        input: {
          sessionId: research.startSession.id,
          kind: 'FINDING',
          text: 'Conditional forwarders answer faster than the ISP resolver.',
        },
      }),
    ],
  ];
  const figures: AgentFigures[] = [];
  for (const [name, target] of reads) {
    figures.push({
      name,
      statements: await statementsOf(target),
      one: await sequential(target, settings.runs),
      load: await loadQuick(target),
    });
    console.log(`  agent ${name}: done`);
  }
  for (const [name, target] of writes)
    figures.push({ name, statements: await statementsOf(target), one: await sequential(target, settings.runs) });
  return figures;
}

/** Agent reads under load: a quarter of a round's duration, enough for a steady rate. */
async function loadQuick(target: Target) {
  const result = await autocannon({
    ...target,
    connections: settings.connections,
    duration: Math.max(2, Math.round(settings.duration / 4)),
  });
  return {
    rps: result.requests.total / Math.max(2, Math.round(settings.duration / 4)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    peak: 0,
    rssAfter: 0,
  };
}

type Summary = {
  settings: typeof settings;
  startedRssMiB: number;
  loadAverage: { min: number; max: number; median: number };
  statements: Record<'N' | 'R', number>;
  rounds: Record<'N' | 'R', RoundFigures[]>;
  agents: AgentFigures[];
};

function report(summary: Summary) {
  const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
  const lines = [
    `# npm run bench, ${new Date().toISOString().slice(0, 16)}Z`,
    '',
    `${summary.settings.url.replace(/\/\/[^@]*@/, '//')}; medians of ${summary.settings.rounds} alternating rounds (ratios paired within a round), ${summary.settings.duration} s at ${summary.settings.connections} connections, ${summary.settings.runs} requests one at a time. ` +
      `Load average during the run ${summary.loadAverage.min.toFixed(1)}-${summary.loadAverage.max.toFixed(1)} (median ${summary.loadAverage.median.toFixed(1)}) on ${cpus().length} cores. Service RSS after start ${summary.startedRssMiB.toFixed(0)} MiB.`,
    '',
    '| shape | statements | raw p50 / p95 / p99 | service p50 / p95 / p99 | one at a time, ratio | raw req/s (p99) | service req/s (p99) | throughput ratio | service RSS after / peak | raw RSS peak | answer |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const shape of summary.settings.shapes) {
    const rounds = summary.rounds[shape];
    const m = (pick: (r: RoundFigures) => number) => median(rounds.map(pick));
    lines.push(
      `| ${shape} | ${summary.statements[shape]} | ${ms(m((r) => r.raw.one.p50))} / ${ms(m((r) => r.raw.one.p95))} / ${ms(m((r) => r.raw.one.p99))} | ` +
        `${ms(m((r) => r.service.one.p50))} / ${ms(m((r) => r.service.one.p95))} / ${ms(m((r) => r.service.one.p99))} | ${m((r) => r.service.one.p50 / r.raw.one.p50).toFixed(2)}x | ` +
        `${m((r) => r.raw.load.rps).toFixed(1)} (${ms(m((r) => r.raw.load.p99))}) | ${m((r) => r.service.load.rps).toFixed(1)} (${ms(m((r) => r.service.load.p99))}) | ${m((r) => r.service.load.rps / r.raw.load.rps).toFixed(2)}x | ` +
        `${(m((r) => r.service.load.rssAfter) / MiB).toFixed(0)} / ${(Math.max(...rounds.map((r) => r.service.load.peak)) / MiB).toFixed(0)} MiB | ${(Math.max(...rounds.map((r) => r.raw.load.peak)) / MiB).toFixed(0)} MiB | ${(rounds[0].service.one.bytes / 1024).toFixed(0)} kB |`,
    );
  }
  if (summary.agents.length) {
    lines.push(
      '',
      '| agent operation | statements | p50 / p95 / p99 one at a time | req/s at 10 connections (p99) | answer |',
      '|---|---|---|---|---|',
    );
    for (const a of summary.agents) {
      lines.push(
        `| ${a.name} | ${a.statements} | ${ms(a.one.p50)} / ${ms(a.one.p95)} / ${ms(a.one.p99)} | ${a.load ? `${a.load.rps.toFixed(1)} (${ms(a.load.p99)})` : 'writes: one at a time only'} | ${(a.one.bytes / 1024).toFixed(1)} kB |`,
      );
    }
  }
  const table = lines.join('\n');
  console.log(`\n${table}\n`);
  mkdirSync('bench/results', { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  writeFileSync(`bench/results/bench-${stamp}.md`, `${table}\n`);
  writeFileSync(`bench/results/bench-${stamp}.json`, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`written to bench/results/bench-${stamp}.md and .json`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
