import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const PASSWORD = 'memory-test-password';

/** `npm start`'s entry point with a 128 MB heap, on a SQLite file of its own; resolves with its URL. */
function startSmallServer(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--max-old-space-size=128', '-r', '@swc-node/register', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      DATABASE_URL: `sqlite:${join(dir, 'msp.sqlite')}`,
      JWT_SECRET: 'x'.repeat(40),
      MSP_VAULT_KEYRING_FILE: join(dir, 'vault.json'),
      MSP_ADMIN_PASSWORD: PASSWORD,
      RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /ready at (http:\/\/\S+\/graphql)/.exec(output)?.[1];
      if (url) resolve({ child, url });
    });
    child.on('exit', (code) => reject(new Error(`the server exited with ${code} before it was ready:\n${output}`)));
  });
}

/** A distinct document each time, 30 aliased introspection fields (cheap to run, not to keep): what a careless or hostile client sends. */
const uniqueDocument = (n: number) =>
  `query Q${n} { ${Array.from({ length: 30 }, (_, k) => `a${k}: __type(name: "Type${n}x${k}") { name kind description }`).join(' ')} }`;

// The server under test runs on its own SQLite file whatever TEST_DB says: once per `npm test` is enough.
const onceOnly = process.env.TEST_DB === 'mariadb' ? describe.skip : describe;

onceOnly('the parsed-document cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'msp-memory-'));
  let server: { child: ChildProcess; url: string };
  beforeAll(async () => {
    server = await startSmallServer(dir);
  }, 300_000);
  afterAll(() => {
    server?.child.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a server with a 128 MB heap alive through 5,000 unique documents', async () => {
    const login = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(input: { email: "admin@localhost", password: "${PASSWORD}" }) { accessToken } }` }),
    });
    const token = ((await login.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
    let answered = 0;
    for (let n = 0; n < 5000; n++) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: uniqueDocument(n) }),
      });
      if (response.ok && ((await response.json()) as { data?: unknown }).data) answered += 1;
    }
    expect(answered).toBe(5000);
    expect(server.child.exitCode).toBeNull();
  }, 900_000);
});
