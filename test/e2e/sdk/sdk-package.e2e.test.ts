import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { platformOf } from '../../../sdk';
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiError, startTestApp, TestApp } from '../../helpers/test-app';

// The server runs in this process: children must run asynchronously, or they could not reach it.
const run = promisify(execFile);
const repo = realpathSync(join(__dirname, '../../..'));
const sdkDir = join(repo, 'sdk');

/** The environment without npm's settings of the jest run (workspace, prefix, …) or a NODE_PATH into the repo. */
const cleanEnv = (extra: Record<string, string> = {}) => ({
  ...Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE_PATH' && name !== 'NODE_OPTIONS'),
  ),
  ...extra,
});

/** The same program for both consumers: log in, page through sessions, fail a call, print what came back. */
const program = (entry: string) => `
async function main(): Promise<void> {
  const url = process.env['MSP_URL'] ?? '';
  const { login } = await createMspClient({ url }).Login({ input: { email: process.env['MSP_EMAIL'] ?? '', password: process.env['MSP_PASSWORD'] ?? '' } });
  const stored: MspTokens[] = [];
  const client = createMspClient({ url, token: login.accessToken, refreshToken: login.refreshToken, onTokens: (tokens) => void stored.push(tokens), timeoutMs: 20_000 });
  const titles: string[] = [];
  for await (const session of paginate(client.Sessions, { first: 1 })) titles.push(session.title ?? '');
  let refused = '';
  try {
    await client.CreateProject({ input: { clientId: '0', name: '' } });
  } catch (error) {
    if (error instanceof MspApiError) refused = error.code + (error.requestId ? ' with a request id' : ' without a request id');
  }
  const me = (await client.Me()).me.email;
  console.log(JSON.stringify({ entry: ${entry}, me, titles, refused, platform: platformOf(process.platform) }));
}
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`;

const esm = `import { createMspClient, MspApiError, paginate, platformOf, type MspTokens } from '@msp-tracker/sdk';
${program("import.meta.resolve('@msp-tracker/sdk')")}`;

// a CommonJS file under verbatimModuleSyntax imports with import = require
const cjs = `import sdk = require('@msp-tracker/sdk');
const { createMspClient, MspApiError, paginate, platformOf } = sdk;
type MspTokens = sdk.MspTokens;
${program("require.resolve('@msp-tracker/sdk')")}`;

const strictTsconfig = {
  compilerOptions: {
    strict: true,
    verbatimModuleSyntax: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    lib: ['es2022'], // a Node program: no DOM types to lean on
    skipLibCheck: false,
    types: ['node'],
    typeRoots: ['./node_modules/@types'],
    outDir: 'out',
  },
  files: ['esm.mts', 'cjs.cts'],
};

describe('the SDK as a package', () => {
  let app: TestApp;
  let consumer: string;
  let packed: { filename: string; files: { path: string }[] };
  const titles = ['packaged one', 'packaged two', 'packaged three'];

  beforeAll(async () => {
    app = await startTestApp('sdk_package');
    for (const title of titles) await app.sdk.StartSession({ input: { mode: 'NORMAL', title } });
    consumer = realpathSync(mkdtempSync(join(tmpdir(), 'msp-sdk-consumer-')));
    // packs sdk/dist as `npm test` built it beforehand: rebuilding here would pull it from under the CLI tests running beside
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', consumer], {
      cwd: sdkDir,
      env: cleanEnv(),
    });
    [packed] = JSON.parse(stdout) as (typeof packed)[];
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'msp-sdk-consumer', private: true }));
    await run(
      'npm',
      ['install', join(consumer, packed.filename), 'typescript@~5.9', '@types/node@^20', '--prefer-offline', '--no-audit', '--no-fund'],
      {
        cwd: consumer,
        env: cleanEnv(),
      },
    );
  }, 300_000);

  afterAll(async () => {
    rmSync(consumer, { recursive: true, force: true });
    await app.stop();
  });

  it('ships dist and the README only, and installs graphql and nothing of the server', () => {
    expect(packed.files.map((f) => f.path).filter((path) => !/^(dist\/.+|package\.json|README\.md)$/.test(path))).toEqual([]);
    expect(packed.files.map((f) => f.path)).toEqual(
      expect.arrayContaining(['README.md', 'dist/esm/index.js', 'dist/esm/index.d.ts', 'dist/cjs/index.js', 'dist/cjs/index.d.ts']),
    );
    const installed = JSON.parse(readFileSync(join(consumer, 'node_modules/@msp-tracker/sdk/package.json'), 'utf8')) as {
      dependencies: object;
    };
    expect(Object.keys(installed.dependencies)).toEqual(['graphql']);
    const server = Object.keys((JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { dependencies: object }).dependencies);
    expect(server.filter((name) => name !== 'graphql' && existsSync(join(consumer, 'node_modules', name)))).toEqual([]);
    expect(relative(repo, consumer).startsWith('..')).toBe(true);
  });

  it('compiles for strict ES module and CommonJS consumers and runs against the API', async () => {
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify(strictTsconfig, null, 2));
    writeFileSync(join(consumer, 'esm.mts'), esm);
    writeFileSync(join(consumer, 'cjs.cts'), cjs);
    await run(process.execPath, [join(consumer, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: consumer, env: cleanEnv() });

    const expectedRefusal = `${(await apiError(app.sdk.CreateProject({ input: { clientId: '0', name: '' } }))).code} with a request id`;
    const env = cleanEnv({ MSP_URL: app.url, MSP_EMAIL: ADMIN_EMAIL, MSP_PASSWORD: ADMIN_PASSWORD });
    for (const [file, build] of [
      ['out/esm.mjs', 'esm'],
      ['out/cjs.cjs', 'cjs'],
    ]) {
      const { stdout } = await run(process.execPath, [file], { cwd: consumer, env });
      const output = JSON.parse(stdout) as { entry: string; me: string; titles: string[]; refused: string; platform: string };
      expect(realpathSync(output.entry.replace(/^file:\/\//, ''))).toBe(
        join(consumer, 'node_modules/@msp-tracker/sdk/dist', build, 'index.js'),
      );
      expect(output).toMatchObject({ me: ADMIN_EMAIL, refused: expectedRefusal, platform: platformOf(process.platform) });
      expect(output.titles.sort()).toEqual([...titles].sort());
    }
  }, 300_000);
});
