import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, IntrospectionQuery } from 'graphql';
import { createMspClient } from '../../sdk';
import { FuzzRequest, fuzzRequests } from '../helpers/random-requests';
import { reliabilityBudget } from '../helpers/reliability-budget';
import { spawnedServerDatabase, testDialect } from '../helpers/scratch-database';
import { SpawnedServer, spawnServer } from '../helpers/spawned-server';

const COUNT = reliabilityBudget(400, 10_000);
const SEED = 20261216;
const CONCURRENCY = 4;
/** RSS may end this far above where it stood halfway (see the README: V8 keeps heap it grew, a leak keeps growing). */
const RSS_SLACK_BYTES = 100 * 2 ** 20;

/** What must never reach a client: stack frames, file paths, driver error names, SQL state. */
const INTERNALS =
  /\n\s+at \S+ \(|node_modules|\/work\/|\.ts:\d+|stacktrace|QueryFailedError|SqliteError|TypeORMError|SQLITE_[A-Z]+|\bER_[A-Z_]{3,}|ECONNREFUSED/;

interface Answer {
  status: number;
  text: string;
}

/** Why an answer is wrong, or null: a 5xx, a body that is not JSON, an error without a code, or internals shown. */
function problemWith({ status, text }: Answer): string | null {
  if (status === 0) return text;
  if (status >= 500) return `status ${status}`;
  if (INTERNALS.test(text)) return `internals in the answer: ${INTERNALS.exec(text)![0]}`;
  type Body = { errors?: { extensions?: { code?: unknown } }[] };
  let body: Body | Body[];
  try {
    body = JSON.parse(text);
  } catch {
    return `status ${status} with a body that is not JSON`;
  }
  const errors = (Array.isArray(body) ? body : [body]).flatMap((b) => b?.errors ?? []);
  const uncoded = errors.find((e) => typeof e.extensions?.code !== 'string' || e.extensions.code === 'INTERNAL_SERVER_ERROR');
  return uncoded ? `an error without a client code: ${JSON.stringify(uncoded).slice(0, 200)}` : null;
}

describe('fuzz: documents and variables generated from the live schema', () => {
  const dir = mkdtempSync(join(tmpdir(), 'msp-fuzz-'));
  let database: { url: string; drop(): Promise<void> };
  let server: SpawnedServer;
  const tokens: Record<string, string | undefined> = { none: undefined };

  beforeAll(async () => {
    database = await spawnedServerDatabase(dir, 'fuzz');
    server = await spawnServer(dir, { DATABASE_URL: database.url, RATE_LIMIT_CREDENTIALS_PER_MINUTE: '100000' });
    tokens.admin = await server.adminToken();
    const sdk = createMspClient({ url: server.url, token: tokens.admin, retries: 0 });
    const { createClient } = await sdk.CreateClient({ input: { name: 'Fuzz client' } });
    const { startSession } = await sdk.StartSession({ input: { mode: 'MSP', clientId: createClient.id, title: 'Fuzz session' } });
    tokens.agent = (await sdk.IssueAgentToken({ input: { sessionId: startSession.id, scopes: ['READ', 'WRITE'] } })).issueAgentToken.token;
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const send = async (body: string, token: string | undefined, attempt = 1): Promise<Answer> => {
    try {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
      });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      // a keep-alive connection the server closed just as it was reused: once more; a dead server is a finding
      if (attempt === 1 && server.child.exitCode === null) return send(body, token, 2);
      return {
        status: 0,
        text: `no answer (${(error as Error).message}); the server ${server.child.exitCode === null ? 'runs' : `exited with ${server.child.exitCode}:\n${server.output().slice(-2000)}`}`,
      };
    }
  };

  it(
    `answers ${COUNT} of them (fixed seed) with a coded 4xx or a 200, shows no internals, and ends alive near its starting memory`,
    async () => {
      const introspection = await send(JSON.stringify({ query: getIntrospectionQuery() }), tokens.admin);
      const schema = buildClientSchema((JSON.parse(introspection.text) as { data: IntrospectionQuery }).data);
      // logout, updateUser, setPassword and endSession could end a token the run goes on using
      const requests = fuzzRequests(schema, COUNT, SEED, ['logout', 'updateUser', 'setPassword', 'endSession']);
      const callers = Object.keys(tokens);

      // warm up (schema, caches, JIT) before the memory baseline, with requests of another seed
      for (const request of fuzzRequests(schema, 100, SEED + 1, ['logout', 'updateUser', 'setPassword', 'endSession']))
        await send(request.body, tokens.admin);
      const rssBefore = server.rss();

      const problems = new Map<string, string>();
      const kinds = new Map<string, number>();
      const statuses = new Map<number, number>();
      let n = 0;
      const samples: number[] = [];
      const worker = async () => {
        for (let step = requests.next(); !step.done; step = requests.next()) {
          const request: FuzzRequest = step.value;
          const index = n++;
          if (index % Math.ceil(COUNT / 10) === 0) samples.push(server.rss());
          const caller = callers[index % callers.length]!;
          const answer = await send(request.body, tokens[caller]);
          kinds.set(request.kind, (kinds.get(request.kind) ?? 0) + 1);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          const problem = problemWith(answer);
          const key = `${request.kind} / ${problem}`;
          if (problem && !problems.has(key))
            problems.set(
              key,
              `#${index} ${caller} ${request.field}: ${problem}\n  request: ${request.body.slice(0, 300)}\n  answer: ${answer.text.slice(0, 300)}`,
            );
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const rssAfter = server.rss();

      expect(n).toBe(COUNT);
      expect([...problems.values()].slice(0, 10)).toEqual([]);
      // alive: it answers, and its log holds no unexpected error
      expect((await fetch(`${server.origin}/health`)).status).toBe(200);
      expect(server.child.exitCode).toBeNull();
      expect(
        server
          .output()
          .split('\n')
          .filter((line) => /"msg":"unexpected error/.test(line))
          .slice(0, 3),
      ).toEqual([]);
      // a leak grows with every request; heap V8 grew and keeps levels off: the second half must not keep growing
      const halfway = samples[Math.floor(samples.length / 2)]!;
      const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
      expect({ halfway: mb(halfway), end: mb(rssAfter), ok: rssAfter < halfway + RSS_SLACK_BYTES }).toMatchObject({ ok: true });
      console.log(
        `fuzz (${testDialect}, seed ${SEED}): ${n} requests as admin, agent and anonymous; ` +
          `statuses ${[...statuses]
            .sort(([a], [b]) => a - b)
            .map(([s, n]) => `${s}×${n}`)
            .join(' ')}; ` +
          `kinds ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}; RSS ${mb(rssBefore)} after warm-up, every tenth: ${samples.map(mb).join(' ')}, ${mb(rssAfter)} after the run`,
      );
    },
    reliabilityBudget(300_000, 1_800_000),
  );
});
