import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { createMspClient, MspApiError, MspClient } from '../../sdk';
import { reliabilityBudget } from '../helpers/reliability-budget';
import { PrivateMariadb, startPrivateMariadb } from '../helpers/private-mariadb';
import { testDialect } from '../helpers/scratch-database';
import { SpawnedServer, spawnServer } from '../helpers/spawned-server';

/** How long the load runs before the kill, how long the database stays dead, and how long the load runs after it is back. */
const BEFORE_MS = reliabilityBudget(1_500, 5_000);
const OUTAGE_MS = reliabilityBudget(3_000, 10_000);
const AFTER_MS = reliabilityBudget(1_500, 5_000);
const CONCURRENCY = 4;
/** What a client waits for one answer; a dead database must be refused well within it. */
const CLIENT_TIMEOUT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Outcome {
  n: number;
  sentAt: number;
  ms: number;
  id?: string;
  code?: string;
  status?: number;
  message?: string;
}

async function probe(url: string): Promise<{ status: number; body: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    return { status: 0, body: (error as Error).message };
  }
}

// It starts a MariaDB of its own whatever TEST_DB says: run it once, in the MariaDB pass.
const describeOnMariadb = testDialect === 'mariadb' ? describe : describe.skip;

describeOnMariadb('a MariaDB killed (-9) under a steady write load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'msp-outage-'));
  let mariadb: PrivateMariadb;
  let server: SpawnedServer;
  let sdk: MspClient;

  beforeAll(async () => {
    mariadb = await startPrivateMariadb(dir);
    const admin = await createConnection({ host: '127.0.0.1', port: mariadb.port, user: 'root' });
    await admin.query('CREATE DATABASE msp CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await admin.end();
    // the service migrates the empty database itself at start, as `npm start` does
    server = await spawnServer(dir, { DATABASE_URL: mariadb.url('msp') });
    // no retries: the test counts first answers, as a client without the SDK's retries sees them
    sdk = createMspClient({ url: server.url, token: await server.adminToken(), retries: 0, timeoutMs: CLIENT_TIMEOUT_MS });
  });
  afterAll(async () => {
    await server?.stop();
    await mariadb?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write, refuses the rest with DATABASE_UNAVAILABLE, and recovers without a restart', async () => {
    const outcomes: Outcome[] = [];
    let next = 0;
    let running = true;
    const write = async (n: number): Promise<Outcome> => {
      const sentAt = Date.now();
      try {
        const { createClient } = await sdk.CreateClient({ input: { name: `Outage client ${n}`, idempotencyKey: `outage-${n}` } });
        return { n, sentAt, ms: Date.now() - sentAt, id: createClient.id };
      } catch (error) {
        if (!(error instanceof MspApiError)) throw error;
        return { n, sentAt, ms: Date.now() - sentAt, code: error.code, status: error.status, message: error.message };
      }
    };
    const worker = async () => {
      while (running) {
        const outcome = await write(next++);
        outcomes.push(outcome);
        // a refused client backs off a little, as one would
        if (!outcome.id) await sleep(50);
      }
    };
    const workers = Array.from({ length: CONCURRENCY }, worker);

    await sleep(BEFORE_MS);
    expect(outcomes.filter((o) => o.id).length).toBeGreaterThan(0);
    const killedAt = Date.now();
    await mariadb.kill();
    const health: { at: number; status: number; body: string }[] = [];
    const ready: number[] = [];
    const watch = async () => {
      while (running) {
        health.push({ at: Date.now(), ...(await probe(`${server.origin}/health`)) });
        ready.push((await probe(`${server.origin}/ready`)).status);
        await sleep(200);
      }
    };
    const watching = watch();
    await sleep(OUTAGE_MS);
    const restartedAt = Date.now();
    await mariadb.start();
    const acceptingAt = Date.now();
    // recovered: the first write sent after the database accepts connections again that is acknowledged
    while (!outcomes.some((o) => o.id && o.sentAt >= acceptingAt) && Date.now() - acceptingAt < 60_000) await sleep(50);
    const firstAfter = outcomes.find((o) => o.id && o.sentAt >= acceptingAt);
    const recoveredAt = firstAfter && firstAfter.sentAt + firstAfter.ms;
    await sleep(AFTER_MS);
    running = false;
    await Promise.all([...workers, watching]);

    const acknowledged = outcomes.filter((o) => o.id);
    const refused = outcomes.filter((o) => !o.id);
    // every refusal is the coded 503, quick, and without internals
    expect([...new Set(refused.map((o) => `${o.status} ${o.code}`))]).toEqual(refused.length ? ['503 DATABASE_UNAVAILABLE'] : []);
    expect(refused.filter((o) => !/database is unavailable right now/.test(o.message ?? '')).map((o) => o.message)).toEqual([]);
    expect(refused.filter((o) => /ECONN|PROTOCOL_|mysql|SELECT|INSERT|at .*\.ts/i.test(o.message ?? '')).map((o) => o.message)).toEqual([]);
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(CLIENT_TIMEOUT_MS);
    expect(refused.length).toBeGreaterThan(0);
    expect(recoveredAt).toBeDefined();
    // /health said down during the outage and up after it; /ready likewise
    expect(health.some((h) => h.status === 503 && /"database":"down"/.test(h.body))).toBe(true);
    expect(health.at(-1)).toMatchObject({ status: 200 });
    expect(ready).toContain(503);
    expect(ready.at(-1)).toBe(200);

    // every acknowledged write is in the database, with the id the client was given
    const check = await createConnection({ host: '127.0.0.1', port: mariadb.port, user: 'root', database: 'msp' });
    try {
      const [rows] = (await check.query("SELECT id, name FROM clients WHERE name LIKE 'Outage client %'")) as unknown as [
        { id: number; name: string }[],
      ];
      const stored = new Map(rows.map((r) => [r.name, String(r.id)]));
      const lost = acknowledged.filter((o) => stored.get(`Outage client ${o.n}`) !== o.id);
      const refusedButStored = refused.filter((o) => stored.has(`Outage client ${o.n}`)).length;
      expect(lost).toEqual([]);

      // a refused write retried with its idempotency key lands once: no duplicate of one that landed anyway
      for (const o of refused) await sdk.CreateClient({ input: { name: `Outage client ${o.n}`, idempotencyKey: `outage-${o.n}` } });
      const [[{ total, distinct }]] = (await check.query(
        "SELECT COUNT(*) AS total, COUNT(DISTINCT name) AS `distinct` FROM clients WHERE name LIKE 'Outage client %'",
      )) as unknown as [{ total: number; distinct: number }[]];
      expect(Number(total)).toBe(outcomes.length);
      expect(Number(distinct)).toBe(outcomes.length);

      const downFor = (health.find((h) => h.status === 200 && h.at > restartedAt)?.at ?? NaN) - killedAt;
      console.log(
        [
          `MariaDB outage (${OUTAGE_MS / 1000} s dead, ${CONCURRENCY} writers, createClient with idempotency keys):`,
          `writes sent ${outcomes.length}, acknowledged ${acknowledged.length}, found ${acknowledged.length - lost.length}, lost ${lost.length},`,
          `refused ${refused.length} (all 503 DATABASE_UNAVAILABLE; ${refusedButStored} of them had landed anyway, the commit's answer lost), slowest answer ${Math.max(...outcomes.map((o) => o.ms))} ms,`,
          `database restart took ${acceptingAt - restartedAt} ms, the first write after that acknowledged ${recoveredAt! - acceptingAt} ms after it accepted connections (kill to recovered ${recoveredAt! - killedAt} ms),`,
          `/health down for ${downFor} ms from the kill; the refused writes retried afterwards landed once each.`,
        ].join('\n  '),
      );
    } finally {
      await check.end();
    }
    // the same process served before and after: it recovered without a restart
    expect(server.child.exitCode).toBeNull();
  });
});
