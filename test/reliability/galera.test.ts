import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMspClient, MspApiError, MspClient } from '../../sdk';
import { GaleraCluster, galeraMissing } from '../helpers/galera-cluster';
import { reliabilityBudget } from '../helpers/reliability-budget';

/**
 * Two API replicas (separate processes) on a private 3-node Galera cluster, Redis between them. A steady
 * write load (notes with idempotency keys, some sent to both replicas at once, as a hasty retry would) runs
 * while node 2 (under replica B) is killed -9 and restarted, and then replica A is stopped. A client that
 * gets an error retries the same write, same key, on the other replica (as a load balancer would).
 */
const RUN = process.env.TEST_DB === 'mariadb';
const missing = RUN ? galeraMissing() : null;
const ROOT = join(tmpdir(), `msp-galera-${process.pid}`);
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PHASE_MS = reliabilityBudget(4_000, 20_000);
const WRITERS = reliabilityBudget(3, 6);
const EMAIL = 'admin@galera.test';
const PASSWORD = 'galera horse battery staple';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Replica {
  name: string;
  url: string;
  port: number;
  process: ChildProcess;
}

function startReplica(name: string, port: number, databaseUrl: string, env: Record<string, string>): Replica {
  const log = createWriteStream(join(ROOT, `replica-${name}.log`));
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, ...env, PORT: String(port), DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return { name, url: `http://127.0.0.1:${port}/graphql`, port, process: child };
}

async function waitReady(replica: Replica, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (replica.process.exitCode !== null) throw new Error(`replica ${replica.name} exited; see ${ROOT}/replica-${replica.name}.log`);
    const ok = await fetch(`http://127.0.0.1:${replica.port}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`replica ${replica.name} not ready after ${timeoutMs} ms`);
}

async function metric(replica: Replica, name: string): Promise<number> {
  const text = await fetch(`http://127.0.0.1:${replica.port}/metrics`).then((r) => r.text());
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : NaN;
}

const codeOf = (error: unknown) => (error instanceof MspApiError ? (error.code ?? `HTTP ${error.status}`) : 'NETWORK');

(RUN && !missing ? describe : describe.skip)('two replicas on a 3-node Galera cluster', () => {
  const cluster = new GaleraCluster(join(ROOT, 'cluster'));
  const replicas: Replica[] = [];
  afterAll(async () => {
    for (const r of replicas) if (r.process.exitCode === null) r.process.kill('SIGKILL');
    await cluster.stop();
  });

  it('loses no acknowledged write, duplicates none, retries conflicts, survives a node and a replica, and shares logouts', async () => {
    const started = Date.now();
    mkdirSync(ROOT, { recursive: true });
    await cluster.start();
    console.log(`cluster of 3 synced in ${Date.now() - started} ms`);
    await cluster.query(cluster.nodes[0], 'CREATE DATABASE msp_galera');
    const env = {
      JWT_SECRET: randomBytes(32).toString('base64'),
      MSP_VAULT_KEY: randomBytes(32).toString('base64'),
      MSP_ADMIN_EMAIL: EMAIL,
      MSP_ADMIN_PASSWORD: PASSWORD,
      REDIS_URL,
      RATE_LIMIT_REDIS_PREFIX: `galera-test-${process.pid}`,
      RATE_LIMIT_PER_MINUTE: '1000000',
      // cached checks last a minute: a logout refused on the other replica within seconds came through the bus
      AUTH_CACHE_SECONDS: '60',
    };
    const a = startReplica('a', 4151, cluster.url(cluster.nodes[0], 'msp_galera'), env);
    replicas.push(a);
    await waitReady(a); // A migrates first; B then finds nothing pending
    const b = startReplica('b', 4152, cluster.url(cluster.nodes[1], 'msp_galera'), env);
    replicas.push(b);
    await waitReady(b);

    const anonymous = createMspClient({ url: a.url, retries: 0 });
    const token = (await anonymous.Login({ input: { email: EMAIL, password: PASSWORD } })).login.accessToken;
    const sdk = { a: createMspClient({ url: a.url, token, retries: 0 }), b: createMspClient({ url: b.url, token, retries: 0 }) };
    const clientId = (await sdk.a.CreateClient({ input: { name: 'Galera Ltd' } })).createClient.id;
    const sessionId = (await sdk.a.StartSession({ input: { mode: 'MSP', clientId } })).startSession.id;

    // the load
    const acknowledged = new Map<string, string>(); // idempotency key -> note id
    const errors = new Map<string, number>();
    const ackTimes: Record<'a' | 'b', number[]> = { a: [], b: [] };
    let sent = 0;
    let racedPairs = 0;
    let mismatches = 0;
    let stopLoad = false;
    const note = (client: MspClient, key: string) =>
      client.Note({ input: { sessionId, kind: 'FINDING', text: `galera write ${key}`, idempotencyKey: key } }).then((r) => r.note.id);
    const writer = async (w: number) => {
      for (let i = 0; !stopLoad; i++) {
        const key = `w${w}-${i}`;
        sent++;
        let target: 'a' | 'b' = (w + i) % 2 ? 'a' : 'b';
        if (i % 5 === 0) {
          // the same write on both replicas at once: both nodes insert the same key, Galera certifies one
          racedPairs++;
          const both = await Promise.allSettled([note(sdk.a, key), note(sdk.b, key)]);
          both.forEach((r, n) => r.status === 'fulfilled' && ackTimes[n ? 'b' : 'a'].push(Date.now()));
          const ids = both.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
          if (new Set(ids).size > 1) mismatches++;
          for (const r of both) if (r.status === 'rejected') errors.set(codeOf(r.reason), (errors.get(codeOf(r.reason)) ?? 0) + 1);
          if (ids.length) {
            acknowledged.set(key, ids[0]);
            continue;
          }
        }
        for (let attempt = 0; attempt < 200 && !acknowledged.has(key); attempt++) {
          try {
            acknowledged.set(key, await note(sdk[target], key));
            ackTimes[target].push(Date.now());
          } catch (error) {
            errors.set(codeOf(error), (errors.get(codeOf(error)) ?? 0) + 1);
            target = target === 'a' ? 'b' : 'a';
            await sleep(50);
          }
        }
      }
    };
    const load = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));

    await sleep(PHASE_MS);
    // logout on A, refused on B: polled until refused (deadline 5 s), the delay reported, not asserted
    const { login } = await anonymous.Login({ input: { email: EMAIL, password: PASSWORD } });
    const userOnB = createMspClient({ url: b.url, token: login.accessToken, retries: 0 });
    await userOnB.Me(); // B caches "not revoked" for a minute
    await createMspClient({ url: a.url, token: login.accessToken, retries: 0 }).Logout({ input: { refreshToken: login.refreshToken } });
    const logoutAt = performance.now();
    let refusedAfter: number | null = null;
    while (refusedAfter === null && performance.now() - logoutAt < 5_000) {
      const refused = await userOnB.Me().then(
        () => false,
        (e) => e instanceof MspApiError && e.code === 'UNAUTHENTICATED',
      );
      if (refused) refusedAfter = Math.round(performance.now() - logoutAt);
      else await sleep(20);
    }

    // kill -9 node 2 (under B); writes fail over to A; node 2 restarts and rejoins
    const killedAt = Date.now();
    cluster.kill(cluster.nodes[1]);
    // until the survivors evict the dead node (Galera's evs.suspect_timeout, 5 s by default) their commits wait
    const firstAfter = (times: number[], since: number) => times.find((t) => t > since);
    while (!firstAfter(ackTimes.a, killedAt) && Date.now() - killedAt < 90_000) await sleep(100);
    const aAnsweredAfterKillMs = (firstAfter(ackTimes.a, killedAt) ?? NaN) - killedAt;
    await sleep(PHASE_MS);
    const ackedOnAWhileDown = ackTimes.a.filter((t) => t > killedAt).length;
    const restartAt = Date.now();
    await cluster.restart(cluster.nodes[1]);
    const rejoinedMs = Date.now() - restartAt;
    let bBackAt = 0;
    while (!bBackAt && Date.now() - killedAt < 180_000) {
      if (ackTimes.b.some((t) => t > restartAt)) bBackAt = ackTimes.b.find((t) => t > restartAt)!;
      else await sleep(100);
    }
    const retriesOnA = await metric(a, 'msp_transaction_retries_total');

    // stop replica A (SIGTERM, graceful); B keeps answering
    const stoppedAt = Date.now();
    a.process.kill('SIGTERM');
    await new Promise((resolve) => a.process.once('exit', resolve));
    await sleep(PHASE_MS);
    stopLoad = true;
    await load;
    const ackedOnBAfterStop = ackTimes.b.filter((t) => t > stoppedAt).length;
    const retries = retriesOnA + (await metric(b, 'msp_transaction_retries_total'));

    // what the cluster holds, read on node 3 (which saw every write only through replication)
    await cluster.query(cluster.nodes[2], 'SET SESSION wsrep_sync_wait = 1');
    const rows = await cluster.query<{ text: string; n: number; id: number }>(
      cluster.nodes[2],
      "SELECT text, COUNT(*) AS n, MIN(id) AS id FROM msp_galera.notes WHERE text LIKE 'galera write %' GROUP BY text",
    );
    const found = new Map(rows.map((r) => [r.text.replace('galera write ', ''), { n: Number(r.n), id: String(r.id) }]));
    const lost = [...acknowledged].filter(([key, id]) => found.get(key)?.id !== id);
    const duplicates = rows.filter((r) => Number(r.n) > 1).length;
    const figures = {
      writesSent: sent,
      acknowledged: acknowledged.size,
      found: rows.length,
      lost: lost.length,
      duplicates,
      racedPairs,
      racedPairsAnsweredDifferently: mismatches,
      conflictRetries: retries,
      clientErrorsByCode: Object.fromEntries(errors),
      ackedOnAWhileNode2Down: ackedOnAWhileDown,
      firstAckOnAAfterKillMs: aAnsweredAfterKillMs,
      node2RejoinMs: rejoinedMs,
      timeToRecoverMs: bBackAt ? bBackAt - killedAt : null,
      ackedOnBAfterAStopped: ackedOnBAfterStop,
      logoutOnARefusedOnBAfterMs: refusedAfter,
    };
    console.log(`Galera run figures:\n${JSON.stringify(figures, null, 2)}`);

    expect(lost).toEqual([]);
    expect(duplicates).toBe(0);
    expect(mismatches).toBe(0);
    expect(errors.get('INTERNAL_SERVER_ERROR') ?? 0).toBe(0);
    expect(ackedOnAWhileDown).toBeGreaterThan(0);
    expect(bBackAt).toBeGreaterThan(0);
    expect(ackedOnBAfterStop).toBeGreaterThan(0);
    expect(refusedAfter).not.toBeNull();
  });
});

// on MariaDB runs a missing galera-4 fails loudly rather than skipping (.ci/run installs it)
if (RUN && missing) {
  it(`Galera cluster test cannot run here: ${missing}`, () => {
    throw new Error(`${missing}`);
  });
}
