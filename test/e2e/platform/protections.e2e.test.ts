import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, OperationDefinitionNode, parse, valueFromASTUntyped } from 'graphql';
import { loadConfig, serverLimits } from '../../../src/config';
import { operationCost } from '../../../src/limits/query-cost.plugin';
import { ADMIN_PASSWORD, apiError, countStatements, startTestApp, TestApp } from '../../helpers/test-app';

const post = (app: TestApp, body: string, token = app.token) =>
  fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });

describe('query limits', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('query_limits');
  });
  afterAll(() => app.stop());

  it('admits every operation the SDK ships, with its default variables', () => {
    const limits = serverLimits(loadConfig({})).cost;
    const dir = join(__dirname, '../../../sdk/operations');
    const text = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const document = parse(text);
    const tooBig: string[] = [];
    for (const op of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
      const variables = Object.fromEntries(
        (op.variableDefinitions ?? [])
          .filter((v) => v.defaultValue)
          .map((v) => [v.variable.name.value, valueFromASTUntyped(v.defaultValue!)]),
      );
      const cost = operationCost(document, op, variables);
      if (cost.nodes > limits.maxNodes || cost.depth > limits.maxConnectionDepth)
        tooBig.push(`${op.name?.value}: ${cost.nodes} nodes, depth ${cost.depth}`);
    }
    expect(tooBig).toEqual([]);
  });

  it('admits the 4-level nested query at first: 20, and refuses it at first: 100 before any SQL runs', async () => {
    await app.sdk.ClientTree({ first: 20 });
    let error: Awaited<ReturnType<typeof apiError>> | undefined;
    const statements = await countStatements(app, async () => {
      error = await apiError(app.sdk.ClientTree({ first: 100 }));
    });
    expect(error!.code).toBe('QUERY_TOO_COMPLEX');
    expect(error!.message).toContain('101,010,100'); // 100 + 100² + 100³ + 100⁴
    expect(statements).toBe(0);
  });

  it('refuses connections nested 6 deep, many aliases, and oversized bodies with clear errors', async () => {
    const deep = `{ clients(first: 1) { nodes { projects(first: 1) { nodes { sessions(first: 1) { nodes { workItems(first: 1) { nodes {
      session { client { sessions(first: 1) { nodes { project { sessions(first: 1) { nodes { id } } } } } } } } } } } } } } } }`;
    const deepBody = (await (await post(app, JSON.stringify({ query: deep }))).json()) as {
      errors: { extensions: { code: string }; message: string }[];
    };
    expect(deepBody.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(deepBody.errors[0].message).toContain('6 connections');

    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const aliasBody = (await (await post(app, JSON.stringify({ query: aliases }))).json()) as { errors: { message: string }[] };
    expect(aliasBody.errors[0].message).toMatch(/aliases/i);

    const huge = await post(app, JSON.stringify({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(1_100_000) } }));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('rate limits shared through Redis', () => {
  const env = {
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    RATE_LIMIT_REDIS_PREFIX: `test-${process.pid}-${Date.now()}`,
    RATE_LIMIT_PER_MINUTE: '10',
  };
  let replicaA: TestApp;
  let replicaB: TestApp;
  beforeAll(async () => {
    replicaA = await startTestApp('redis_a', { env });
    replicaB = await startTestApp('redis_b', { env });
  });
  afterAll(async () => {
    await replicaA?.stop();
    await replicaB?.stop();
  });

  it('counts one caller’s requests across replicas', async () => {
    const me = JSON.stringify({ query: '{ me { id } }' });
    for (let i = 0; i < 8; i++) expect((await post(replicaA, me)).status).toBe(200);
    const onB: number[] = [];
    for (let i = 0; i < 5; i++) onB.push((await post(replicaB, me)).status); // user 1 on both replicas
    expect(onB.filter((s) => s === 200).length).toBeLessThanOrEqual(2);
    expect(onB).toContain(429);
  });
});

describe('rate limits and the API audit log', () => {
  let app: TestApp;
  const logLines: string[] = [];
  beforeAll(async () => {
    app = await startTestApp('rate_limits', { env: { RATE_LIMIT_PER_MINUTE: '8', RATE_LIMIT_LOGIN_FAILURES_PER_15_MIN: '2' }, logLines });
  });
  afterAll(() => app.stop());

  it('says how many tries are left, then locks the account, even for the right password', async () => {
    const wrong = () =>
      apiError(app.anonymous.Login({ input: { email: 'tech@test.local', password: 'wrong password!' } })).then((e) => e.errors[0]);
    expect(await wrong()).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'E-mail or password is wrong: 1 try left before this account is locked for 15 minutes.',
    });
    expect(await wrong()).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/that was the last try: this account is locked; try again in \d+ s\.$/),
    });
    const locked = await apiError(app.anonymous.Login({ input: { email: 'tech@test.local', password: ADMIN_PASSWORD } }));
    expect(locked.code).toBe('RATE_LIMITED');
    expect(locked.message).toMatch(/try again in \d+ s/);
  });

  it('answers RATE_LIMITED with Retry-After once a caller goes over its requests per minute', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 10; i++) {
      last = await post(app, JSON.stringify({ query: '{ me { id } }' }));
      statuses.push(last.status);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await last!.json()) as { errors: { extensions: { code: string; retryAfterSeconds: number } }[] };
    expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('audits every request with operation, caller, outcome and duration, and never a password, in rows or logs', async () => {
    await app.server.flushAudit();
    const rows = (await app.db.dataSource.query('SELECT operation, actor, outcome, duration_ms, request_id FROM api_audit_log')) as {
      operation: string;
      actor: string;
      outcome: string;
    }[];
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.operation === 'Login').map((r) => r.outcome)).toEqual(
      expect.arrayContaining(['OK', 'UNAUTHENTICATED', 'RATE_LIMITED']),
    );
    expect(rows.some((r) => r.actor === 'user:1')).toBe(true);
    const everything = JSON.stringify(rows) + logLines.join('\n');
    expect(everything).not.toContain(ADMIN_PASSWORD);
    expect(everything).not.toContain('wrong password!');
    expect(everything).not.toContain(app.token);
  });
});
