import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { createMspClient } from '../../sdk';
import { seed } from '../../scripts/seed';
import { keysFromSecret } from '../../src/security/auth/signing-keys';
import { loadConfig, serverLimits } from '../../src/config';
import { systemScope } from '../../src/kit/scope';
import { createDataSource } from '../../src/database/data-source';
import { Database } from '../../src/database/database';
import { parseDatabaseUrl } from '../../src/database/database-url';
import { createLogger } from '../../src/logger';
import { startServer } from '../../src/server';
import { Authenticator } from '../../src/security/auth.service';
import { CredentialVault } from '../../src/security/vault/credential-vault';
import { reliabilityBudget } from '../helpers/reliability-budget';
import { testDatabaseUrl, testDialect } from '../helpers/scratch-database';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, TestApp } from '../helpers/test-app';

const ROOT = join(__dirname, '../..');

/** Runs an operator script as an operator would: its own process, DATABASE_URL in the environment. */
function runScript(script: string, args: string[], databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', `scripts/${script}.ts`, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A database URL beside the test's own: a new SQLite file, or a new database on the MariaDB server. */
function freshDatabaseUrl(dir: string, name: string): string {
  if (testDialect === 'sqlite') return `sqlite:${join(dir, `${name}.sqlite`)}`;
  const url = new URL(testDatabaseUrl);
  url.pathname = `/msp_test_${name}_${process.pid}_${Date.now() % 100000}`;
  return url.toString();
}

function databaseUrlOf(dataSource: DataSource): string {
  if (testDialect === 'sqlite') return `sqlite:${dataSource.options.database as string}`;
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${dataSource.options.database as string}`;
  return url.toString();
}

async function dropDatabase(databaseUrl: string): Promise<void> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.dialect !== 'mariadb') return;
  const admin = await createConnection({ host: target.host, port: target.port, user: target.username, password: target.password });
  await admin.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
  await admin.end();
}

/** Every table's rows, each as one canonical JSON string, sorted. SQLite's full-text shadow tables are its internals, rebuilt from search_documents. */
async function allRows(dataSource: DataSource): Promise<Map<string, string[]>> {
  const listed: { name: string }[] =
    testDialect === 'sqlite'
      ? await dataSource.query(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts_%'",
        )
      : await dataSource.query(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'",
        );
  const canonical = (value: unknown) =>
    Buffer.isBuffer(value) ? value.toString('base64') : value instanceof Date ? value.toISOString() : value;
  const tables = new Map<string, string[]>();
  for (const { name } of listed) {
    const rows: Record<string, unknown>[] = await dataSource.query(
      `SELECT * FROM ${testDialect === 'sqlite' ? `"${name}"` : `\`${name}\``}`,
    );
    tables.set(
      name,
      rows
        .map((row) =>
          JSON.stringify(
            Object.entries(row)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, canonical(v)]),
          ),
        )
        .sort(),
    );
  }
  return tables;
}

const checksum = (rows: string[]) => createHash('sha256').update(rows.join('\n')).digest('hex');

describe('backup and restore', () => {
  let app: TestApp;
  const vault = new CredentialVault(new Map([[1, randomBytes(32)]]), 1);
  const dir = mkdtempSync(join(tmpdir(), 'msp-backup-'));
  const restoredUrl = freshDatabaseUrl(dir, 'restored');
  let restored: DataSource | undefined;

  beforeAll(async () => {
    app = await startTestApp('backup_restore', { vault });
  });
  afterAll(async () => {
    if (restored?.isInitialized) await restored.destroy();
    await dropDatabase(restoredUrl);
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores every row, migration, credential, change and audit row of a backup taken under write load, consistently', async () => {
    await seed(systemScope(app.db, 'seed'));
    const clientId = (await app.sdk.CreateClient({ input: { name: 'Vaulted Ltd' } })).createClient.id;
    const secrets = Array.from({ length: 5 }, (_, i) => `secret-${i}-${randomBytes(6).toString('hex')}`);
    const credentialIds: string[] = [];
    for (const [i, value] of secrets.entries()) {
      credentialIds.push(
        (await app.sdk.StoreCredential({ input: { clientId, name: `Key ${i}`, kind: 'PASSWORD', value } })).storeCredential.id,
      );
    }
    await app.sdk.RevealCredential({ input: { credentialId: credentialIds[0], reason: 'before the backup' } });
    // a bigger database makes a longer copy for the writes to overlap
    const prefill = reliabilityBudget(100, 3000);
    for (let i = 0; i < prefill; i++) await app.sdk.CreateClient({ input: { name: `Prefill ${i}` } });
    await app.server.flushAudit();

    // write load: every write is a client row and its change-log row, in one transaction
    let stop = false;
    type Phase = 'before' | 'during' | 'after';
    let phase = 'before' as Phase;
    const acked: Record<Phase, string[]> = { before: [], during: [], after: [] };
    let written = 0;
    const writer = async (w: number) => {
      while (!stop) {
        const name = `Load ${w}-${written++}`;
        await app.sdk.CreateClient({ input: { name } });
        acked[phase].push(name);
      }
    };
    const writers = [0, 1, 2].map(writer);
    while (acked.before.length < 20) await new Promise((r) => setTimeout(r, 20));
    const before = await allRows(app.db.dataSource);
    const backupFile = join(dir, testDialect === 'sqlite' ? 'backup.sqlite' : 'backup.sql');
    phase = 'during';
    const backup = await runScript('backup', ['--out', backupFile], databaseUrlOf(app.db.dataSource));
    phase = 'after';
    while (acked.after.length < 5) await new Promise((r) => setTimeout(r, 20));
    stop = true;
    await Promise.all(writers);
    await app.server.flushAudit();
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringMatching(/^backup written: /) });
    expect(acked.during.length).toBeGreaterThan(0); // the backup ran under load
    const after = await allRows(app.db.dataSource);

    // an existing database is never overwritten without --force
    const refused = await runScript('restore', [backupFile], databaseUrlOf(app.db.dataSource));
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/already (holds a database|has \d+ tables).*--force/);

    const restore = await runScript('restore', [backupFile], restoredUrl);
    expect(restore).toMatchObject({ code: 0, stdout: expect.stringMatching(/^restored \d+ tables, \d+ rows; \d+ migrations recorded/) });
    expect(restore.stderr).toMatch(/(copied|loaded) /);
    restored = await createDataSource(parseDatabaseUrl(restoredUrl)).initialize();
    const back = await allRows(restored);

    expect([...back.keys()].sort()).toEqual([...after.keys()].sort());
    for (const [table, rows] of back) {
      const changedDuringLoad = checksum(before.get(table)!) !== checksum(after.get(table)!);
      if (!changedDuringLoad) {
        // the table the load did not touch: the same rows exactly
        expect({ table, count: rows.length, checksum: checksum(rows) }).toEqual({
          table,
          count: after.get(table)!.length,
          checksum: checksum(after.get(table)!),
        });
      } else {
        // written to while the backup ran (inserts only): every row from before it started, nothing that never was
        const source = new Set(after.get(table)!);
        expect({ table, notInSource: rows.filter((row) => !source.has(row)).length }).toEqual({ table, notInSource: 0 });
        const backRows = new Set(rows);
        expect({ table, lost: before.get(table)!.filter((row) => !backRows.has(row)).length }).toEqual({ table, lost: 0 });
      }
    }
    expect(await restored.showMigrations()).toBe(false); // nothing pending: the migrations table came back whole
    for (const table of ['change_log', 'api_audit_log', 'credential_audit_log', 'credentials'])
      expect(back.get(table)!.length).toBeGreaterThan(0);

    // consistency: each load write is wholly there (client and its change-log row) or wholly absent
    const clients: { id: number; name: string }[] = await restored.query("SELECT id, name FROM clients WHERE name LIKE 'Load %'");
    const logged: { objectId: number }[] = await restored.query(
      "SELECT object_id AS objectId FROM change_log WHERE object_type = 'Client' AND action = 'CREATE'",
    );
    const loggedIds = new Set(logged.map((row) => Number(row.objectId)));
    expect(clients.filter((c) => !loggedIds.has(Number(c.id)))).toEqual([]);
    const names = new Set(clients.map((c) => c.name));
    expect(acked.before.filter((name) => !names.has(name))).toEqual([]);
    expect(acked.after.filter((name) => names.has(name))).toEqual([]);

    // the restored database serves: the same admin logs in and every credential opens with the same vault key
    const db = new Database(restored);
    const server = await startServer({
      db,
      port: 0,
      logger: createLogger('silent'),
      auth: new Authenticator(db, keysFromSecret(randomBytes(32))),
      limits: serverLimits(loadConfig({})),
      vault,
    });
    try {
      const anonymous = createMspClient({ url: server.url, retries: 0 });
      const { login } = await anonymous.Login({ input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
      const sdk = createMspClient({ url: server.url, token: login.accessToken, retries: 0 });
      for (const [i, credentialId] of credentialIds.entries()) {
        expect((await sdk.RevealCredential({ input: { credentialId, reason: 'restore check' } })).revealCredential.value).toBe(secrets[i]);
      }
      const history = await sdk.Changes({ objectType: 'Client', objectId: clientId });
      expect(JSON.stringify(history)).toContain('Vaulted Ltd');
    } finally {
      await server.close();
    }
  });

  it('refuses a missing file, a file that is no backup, and a backup of the other database kind, with their exit codes', async () => {
    const url = freshDatabaseUrl(dir, 'never');
    expect(await runScript('restore', [join(dir, 'absent.sql')], url)).toMatchObject({
      code: 4,
      stderr: expect.stringContaining('There is no backup file'),
    });
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'just some text\n');
    expect(await runScript('restore', [notes], url)).toMatchObject({
      code: 4,
      stderr: expect.stringContaining('neither a SQLite backup nor a MariaDB dump'),
    });
    const otherKind = join(dir, 'other-kind');
    writeFileSync(
      otherKind,
      testDialect === 'sqlite' ? '-- MariaDB dump 10.19\n' : Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)]),
    );
    expect(await runScript('restore', [otherKind], url)).toMatchObject({
      code: 4,
      stderr: expect.stringMatching(/but DATABASE_URL points at (SQLite|MariaDB)/),
    });
    expect(await runScript('restore', [], url)).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run restore') });
    expect(await runScript('backup', [], url)).toMatchObject({ code: 2, stderr: expect.stringContaining('--out FILE is missing') });
  });
});
