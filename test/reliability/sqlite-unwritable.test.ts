import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMspClient, MspApiError, MspClient } from '../../sdk';
import { createDataSource } from '../../src/database/data-source';
import { reliabilityBudget } from '../helpers/reliability-budget';
import { testDialect } from '../helpers/scratch-database';
import { SpawnedServer, spawnServer } from '../helpers/spawned-server';

/** Writes tried while the disk is full (the run stops at 20 refusals). */
const ATTEMPTS = reliabilityBudget(1_000, 5_000);

/**
 * A small tmpfs of its own under `dir`, so the test can fill it. Needs root (CAP_SYS_ADMIN); false where
 * mounting is not allowed. chmod cannot stand in: root writes through it, and an open descriptor keeps
 * writing whoever runs.
 */
function mountSmallDisk(dir: string, megabytes: number): boolean {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Writes a filler file until the disk says ENOSPC; closed, so deleting it frees the space. */
function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

const describeOnSqlite = testDialect === 'sqlite' ? describe : describe.skip;

describeOnSqlite('a SQLite database whose disk fills up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'msp-unwritable-'));
  const disk = join(dir, 'disk');
  let mounted = false;
  const file = join(disk, 'msp.sqlite');
  let server: SpawnedServer;
  let sdk: MspClient;

  beforeAll(async () => {
    mounted = mountSmallDisk(disk, 24);
    if (!mounted) return;
    server = await spawnServer(dir, { DATABASE_URL: `sqlite:${file}` });
    sdk = createMspClient({ url: server.url, token: await server.adminToken(), retries: 0, timeoutMs: 10_000 });
  });
  afterAll(async () => {
    await server?.stop();
    if (mounted) execFileSync('umount', [disk]);
    rmSync(dir, { recursive: true, force: true });
  });

  // long names, so the WAL must grow soon after the disk is full
  const nameOf = (n: number) => `Full disk client ${n} `.padEnd(200, 'n');
  const create = async (n: number) => {
    try {
      const { createClient } = await sdk.CreateClient({ input: { name: nameOf(n), idempotencyKey: `full-${n}` } });
      return { n, id: createClient.id };
    } catch (error) {
      if (!(error instanceof MspApiError)) throw error;
      return { n, status: error.status, code: error.code, reason: error.errors[0]?.extensions?.reason, message: error.message };
    }
  };

  it('refuses writes with a coded 503, keeps reading, writes again once space is freed, and corrupts nothing', async () => {
    if (!mounted) {
      console.warn('skipped: mounting a small tmpfs needs root (CAP_SYS_ADMIN), which this run lacks');
      return;
    }
    const before = await Promise.all(Array.from({ length: 20 }, (_, n) => create(n)));
    expect(before.filter((o) => !o.id)).toEqual([]);

    fillDisk(join(disk, 'filler'));
    const during: Awaited<ReturnType<typeof create>>[] = [];
    for (let n = 20; n < 20 + ATTEMPTS && during.filter((o) => !o.id).length < 20; n++) during.push(await create(n));
    const refused = during.filter((o) => !o.id);
    expect(refused.length).toBeGreaterThan(0);
    expect([...new Set(refused.map((o) => `${o.status} ${o.code} ${o.reason}`))]).toEqual(['503 DATABASE_UNAVAILABLE full']);
    expect(refused[0]!.message).toMatch(/disk is full/);
    // reads go on: the list and /health answer
    const { clients } = await sdk.Clients({ first: 5 });
    expect(clients.totalCount).toBeGreaterThanOrEqual(20);
    expect((await fetch(`${server.origin}/health`)).status).toBe(200);

    unlinkSync(join(disk, 'filler'));
    const after = await create(100_000);
    expect(after.id).toBeDefined();
    // the refused ones, retried with their keys, land once each
    for (const o of refused) expect((await create(o.n)).id).toBeDefined();
    expect(await server.stop()).toBe(0);

    const db = await createDataSource({ dialect: 'sqlite', path: file }).initialize();
    try {
      expect(await db.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      const names = (await db.query("SELECT name FROM clients WHERE name LIKE 'Full disk client %'")).map((r: { name: string }) => r.name);
      const acknowledged = [...before, ...during.filter((o) => o.id), after, ...refused];
      expect(acknowledged.filter((o) => !names.includes(nameOf(o.n))).map((o) => o.n)).toEqual([]);
      expect(new Set(names).size).toBe(names.length);
      console.log(
        `SQLite disk full: ${before.length} writes before, ${during.length} tried while full (${during.length - refused.length} acknowledged, ` +
          `${refused.length} refused with 503 DATABASE_UNAVAILABLE reason full), reads answered, writes resumed once space was freed; ` +
          `integrity_check ok, ${names.length} rows, every acknowledged one present.`,
      );
    } finally {
      await db.destroy();
    }
  });
});
