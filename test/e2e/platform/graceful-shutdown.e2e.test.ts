import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource } from '../../../src/database/data-source';
import { parseDatabaseUrl } from '../../../src/database/database-url';
import { spawnedServerDatabase } from '../../helpers/scratch-database';

const ROOT = join(__dirname, '../../..');
const PASSWORD = 'shutdown-test-password';
const WRITES = 50;

/** `npm start`'s entry point in a process of its own; resolves with its URL once it listens. */
function startServer(dir: string, databaseUrl: string): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'x'.repeat(40),
      MSP_VAULT_KEYRING_FILE: join(dir, 'vault.json'),
      MSP_ADMIN_PASSWORD: PASSWORD,
      RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /ready at (http:\/\/\S+\/graphql)/.exec(output)?.[1];
      if (url) resolve({ child, url, exited });
    });
    void exited.then((code) => reject(new Error(`the server exited with ${code} before it was ready:\n${output}`)));
  });
}

const post = (url: string, body: object, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('SIGTERM', () => {
  const dir = mkdtempSync(join(tmpdir(), 'msp-shutdown-'));
  let database: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    database = await spawnedServerDatabase(dir, 'shutdown');
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes the writes in flight, keeps every one it answered and its audit row, and exits 0', async () => {
    const server = await startServer(dir, database.url);
    const login = await post(server.url, {
      query: `mutation { login(input: { email: "admin@localhost", password: "${PASSWORD}" }) { accessToken } }`,
    });
    const token = ((await login.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;

    let answered!: () => void;
    const firstAnswer = new Promise<void>((resolve) => (answered = resolve));
    const write = async (n: number): Promise<string | null> => {
      const requestId = `shutdown-write-${n}`;
      try {
        const response = await post(
          server.url,
          {
            query: 'mutation CreateClient($input: CreateClientInput!) { createClient(input: $input) { id } }',
            variables: { input: { name: `Shutdown client ${n}` } },
            operationName: 'CreateClient',
          },
          { authorization: `Bearer ${token}`, 'x-request-id': requestId },
        );
        const body = (await response.json()) as { data?: { createClient?: { id: string } } };
        return body.data?.createClient?.id ? requestId : null;
      } catch {
        return null; // refused or cut off once the server stopped accepting: no answer, no promise kept
      } finally {
        answered();
      }
    };
    const writes = Array.from({ length: WRITES }, (_, n) => write(n));
    // the signal arrives while the burst is being served
    await firstAnswer;
    server.child.kill('SIGTERM');
    const succeeded = (await Promise.all(writes)).filter((id): id is string => id !== null);
    expect(await server.exited).toBe(0);
    expect(succeeded.length).toBeGreaterThan(0);

    const dataSource = await createDataSource(parseDatabaseUrl(database.url)).initialize();
    try {
      const names = new Set((await dataSource.query('SELECT name FROM clients')).map((r: { name: string }) => r.name));
      const audited = new Set(
        (await dataSource.query('SELECT request_id FROM api_audit_log')).map((r: { request_id: string }) => r.request_id),
      );
      for (const requestId of succeeded) {
        expect(names).toContain(`Shutdown client ${requestId.replace('shutdown-write-', '')}`);
        expect(audited).toContain(requestId);
      }
    } finally {
      await dataSource.destroy();
    }
  }, 300_000);
});
