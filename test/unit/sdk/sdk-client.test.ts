import { createMspClient, MspApiError, type MspClientOptions, type MspTokens, paginate } from '../../../sdk';

/** What one fake answer is: an HTTP answer, a thrown network error, or no answer until the call gives up. */
type Answer = { status?: number; body: unknown; headers?: Record<string, string> } | Error | 'hang';

interface Seen {
  operation: string;
  headers: Record<string, string>;
  variables: Record<string, unknown>;
  at: number;
}

const API_URL = 'http://api.test/graphql';

/** A fetch that records each request and answers with `answer(request, n)` (n counts from 1). */
function fakeFetch(answer: (request: Seen, n: number) => Answer) {
  const seen: Seen[] = [];
  const fake = async (_url: string, init: RequestInit) => {
    const { query, variables } = JSON.parse(String(init.body)) as { query: string; variables?: Record<string, unknown> };
    const request = {
      operation: /^(?:query|mutation) (\w+)/.exec(query)![1],
      headers: init.headers as Record<string, string>,
      variables: variables ?? {},
      at: Date.now(),
    };
    seen.push(request);
    const reply = answer(request, seen.length);
    if (reply instanceof Error) throw reply;
    if (reply === 'hang')
      return new Promise<Response>((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));
    return new Response(JSON.stringify(reply.body), {
      status: reply.status ?? 200,
      headers: { 'content-type': 'application/json', ...reply.headers },
    });
  };
  return { fetch: fake as typeof fetch, seen };
}

const client = (fetch: typeof globalThis.fetch, options: Partial<MspClientOptions> = {}) =>
  createMspClient({ url: API_URL, fetch, ...options });

const networkError = () =>
  new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
const failure = (status: number, code: string, message: string, extensions: Record<string, unknown> = {}) => ({
  status,
  body: { errors: [{ message, extensions: { code, ...extensions } }] },
});
const me = { body: { data: { me: { id: '1', email: 'tech@test.local', displayName: 'Tech', role: 'TECHNICIAN' } } } };
const workItem = { body: { data: { logWorkItem: { id: '7' } } } };
const logWork = { input: { sessionId: '1', description: 'patched the firewall', minutes: 5 } };

async function rejection(call: Promise<unknown>): Promise<MspApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof MspApiError)) throw new Error(`expected MspApiError, got ${String(error)}`);
  return error;
}

describe('SDK retries', () => {
  it('retries a query after a 5xx and a network error, with the same request id each time', async () => {
    const { fetch, seen } = fakeFetch((_r, n) => [failure(503, 'DATABASE_UNAVAILABLE', 'down'), networkError(), me][n - 1]!);
    expect((await client(fetch).Me()).me.email).toBe('tech@test.local');
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((r) => r.headers['x-request-id'])).size).toBe(1);
  });

  it('waits the Retry-After of a 429 before trying again', async () => {
    const { fetch, seen } = fakeFetch((_r, n) =>
      n === 1 ? { ...failure(429, 'RATE_LIMITED', 'slow down', { retryAfterSeconds: 1 }), headers: { 'retry-after': '1' } } : me,
    );
    await client(fetch).Me();
    expect(seen).toHaveLength(2);
    expect(seen[1].at - seen[0].at).toBeGreaterThanOrEqual(1000);
  });

  it('hands a Retry-After too long to wait out inside a call to the caller', async () => {
    const { fetch, seen } = fakeFetch(() => failure(429, 'RATE_LIMITED', 'slow down', { retryAfterSeconds: 600 }));
    const error = await rejection(client(fetch).Me());
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterSeconds: 600 });
    expect(seen).toHaveLength(1);
  });

  it('never repeats a write without an idempotency key', async () => {
    const { fetch, seen } = fakeFetch(() => failure(503, 'DATABASE_UNAVAILABLE', 'down'));
    expect((await rejection(client(fetch).TagSession({ input: { sessionId: '1', tags: ['dns'] } }))).status).toBe(503);
    const offline = fakeFetch(() => networkError());
    expect((await rejection(client(offline.fetch).Login({ input: { email: 'a@b.c', password: 'secret' } }))).code).toBe(
      'SERVICE_UNREACHABLE',
    );
    expect([seen.length, offline.seen.length]).toEqual([1, 1]);
  });

  it('gives a keyed write one idempotency key, sent again with every retry, and leaves the caller’s variables alone', async () => {
    const { fetch, seen } = fakeFetch((_r, n) => (n === 1 ? networkError() : workItem));
    await client(fetch).LogWorkItem(logWork);
    const keys = seen.map((r) => (r.variables.input as { idempotencyKey: string }).idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(logWork.input).not.toHaveProperty('idempotencyKey');
  });

  it('keeps an idempotency key the caller gave', async () => {
    const { fetch, seen } = fakeFetch(() => workItem);
    await client(fetch).LogWorkItem({ input: { ...logWork.input, idempotencyKey: 'mine-1' } });
    expect(seen[0].variables.input).toMatchObject({ idempotencyKey: 'mine-1' });
  });

  it('reports SERVICE_UNREACHABLE with status 0 and the request id once the retries are spent', async () => {
    const { fetch, seen } = fakeFetch(() => networkError());
    const error = await rejection(client(fetch, { retries: 2 }).Me());
    expect(seen).toHaveLength(3);
    expect(error).toMatchObject({ code: 'SERVICE_UNREACHABLE', status: 0, requestId: seen[0].headers['x-request-id'] });
    expect(error.errors[0].extensions).toMatchObject({ reason: 'ECONNREFUSED' });
  });

  it('gives up on an attempt that has no answer within timeoutMs: TIMEOUT with status 0', async () => {
    const { fetch, seen } = fakeFetch(() => 'hang');
    const error = await rejection(client(fetch, { timeoutMs: 50, retries: 1 }).Me());
    expect(error).toMatchObject({ code: 'TIMEOUT', status: 0 });
    expect(seen).toHaveLength(2);
  });
});

describe('SDK request ids and errors', () => {
  it('sends a new x-request-id per call unless one is given per call or per client', async () => {
    const { fetch, seen } = fakeFetch(() => me);
    const sdk = client(fetch);
    await sdk.Me();
    await sdk.Me();
    await sdk.Me({}, { requestId: 'given-per-call' });
    let n = 0;
    await client(fetch, { requestId: () => `agent-run-${++n}` }).Me();
    await client(fetch, { requestId: 'one-for-all' }).Me();
    const ids = seen.map((r) => r.headers['x-request-id']);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids.slice(2)).toEqual(['given-per-call', 'agent-run-1', 'one-for-all']);
  });

  it('keeps every extension of every error and the call’s request id', async () => {
    const problems = [
      { field: 'name', message: 'too long' },
      { field: 'description', message: 'too long' },
    ];
    const { fetch, seen } = fakeFetch(() => failure(200, 'BAD_USER_INPUT', 'name: too long', { field: 'name', problems }));
    const error = await rejection(client(fetch).CreateProject({ input: { clientId: '1', name: 'n' } }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name', status: 200, requestId: seen[0].headers['x-request-id'] });
    expect(error.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name', problems });
  });
});

/** An unsigned JWT that expires in `seconds`: the SDK only reads its exp. */
function jwt(seconds: number, id: string) {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256' })}.${part({ sub: id, exp: Math.floor(Date.now() / 1000) + seconds })}.signature`;
}

/** A server where only `valid` passes, and refreshToken(`refresh`) hands out `next`. */
function tokenServer(
  valid: string,
  refresh: string,
  next: MspTokens,
  refusal = 'The access token has expired; refresh it with refreshToken or log in again.',
) {
  return fakeFetch((request) => {
    if (request.operation === 'RefreshToken') {
      const input = request.variables.input as { refreshToken: string };
      if (input.refreshToken !== refresh || request.headers.authorization)
        return failure(401, 'UNAUTHENTICATED', 'refresh token not valid');
      return { body: { data: { refreshToken: { ...next, user: { id: '1', email: 'tech@test.local', role: 'TECHNICIAN' } } } } };
    }
    return request.headers.authorization === `Bearer ${valid}` ? me : failure(401, 'UNAUTHENTICATED', refusal);
  });
}

const pairAfter = (accessToken: string): MspTokens => ({
  accessToken,
  refreshToken: 'refresh-2',
  accessTokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  refreshTokenExpiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
});

describe('SDK token refresh', () => {
  it('refreshes a token with under a minute left before the call, once for concurrent calls, and hands the new pair to onTokens', async () => {
    const next = pairAfter(jwt(3600, 'fresh'));
    const { fetch, seen } = tokenServer(next.accessToken, 'refresh-1', next);
    const stored: MspTokens[] = [];
    const sdk = client(fetch, { token: jwt(30, 'stale'), refreshToken: 'refresh-1', onTokens: (tokens) => void stored.push(tokens) });
    await Promise.all([sdk.Me(), sdk.Me(), sdk.Me()]);
    expect(seen.map((r) => r.operation)).toEqual(['RefreshToken', 'Me', 'Me', 'Me']);
    expect(stored).toEqual([next]);
  });

  it('refreshes once when the server says the token expired, and sends the call again with the new one', async () => {
    const next = pairAfter(jwt(3600, 'fresh'));
    const { fetch, seen } = tokenServer(next.accessToken, 'refresh-1', next);
    const sdk = client(fetch, { token: jwt(3600, 'revoked-by-clock'), refreshToken: 'refresh-1' });
    await Promise.all([sdk.Me(), sdk.Me()]);
    expect(seen.filter((r) => r.operation === 'RefreshToken')).toHaveLength(1);
    expect(seen.filter((r) => r.headers.authorization === `Bearer ${next.accessToken}`)).toHaveLength(2);
  });

  it('answers UNAUTHENTICATED when the refreshed token is refused too, after one refresh', async () => {
    const next = pairAfter(jwt(3600, 'also-refused'));
    const { fetch, seen } = tokenServer('accepted-by-nobody', 'refresh-1', next);
    const error = await rejection(client(fetch, { token: jwt(3600, 'old'), refreshToken: 'refresh-1' }).Me());
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(seen.map((r) => r.operation)).toEqual(['Me', 'RefreshToken', 'Me']);
  });

  it('does not refresh for a token refused for another reason, nor without a refresh token', async () => {
    const next = pairAfter(jwt(3600, 'fresh'));
    const wrong = tokenServer(next.accessToken, 'refresh-1', next, 'The access token is not valid; log in again.');
    expect((await rejection(client(wrong.fetch, { token: jwt(3600, 'forged'), refreshToken: 'refresh-1' }).Me())).code).toBe(
      'UNAUTHENTICATED',
    );
    const agent = tokenServer(next.accessToken, 'refresh-1', next);
    expect((await rejection(client(agent.fetch, { token: jwt(3600, 'agent') }).Me())).code).toBe('UNAUTHENTICATED');
    expect([...wrong.seen, ...agent.seen].map((r) => r.operation)).toEqual(['Me', 'Me']);
  });
});

describe('SDK paging', () => {
  const page = (ids: string[], endCursor: string | null, hasNextPage: boolean) => ({
    totalCount: 3,
    pageInfo: { endCursor, hasNextPage },
    nodes: ids.map((id) => ({ id })),
  });

  it('asks for the next page with after: endCursor until hasNextPage is false', async () => {
    const { fetch, seen } = fakeFetch((request) =>
      request.variables.after === 'c2'
        ? { body: { data: { client: { id: '1', sessions: page(['3'], 'c3', false) } } } }
        : { body: { data: { client: { id: '1', sessions: page(['1', '2'], 'c2', true) } } } },
    );
    const ids: string[] = [];
    for await (const session of paginate(client(fetch).ClientSessions, { clientId: '1', first: 2 })) ids.push(session.id);
    expect(ids).toEqual(['1', '2', '3']);
    expect(seen.map((r) => r.variables.after)).toEqual([null, 'c2']);
  });

  it('yields nothing when the connection’s parent is null (an unknown client)', async () => {
    const { fetch } = fakeFetch(() => ({ body: { data: { client: null } } }));
    const ids: string[] = [];
    for await (const session of paginate(client(fetch).ClientSessions, { clientId: '404' })) ids.push(session.id);
    expect(ids).toEqual([]);
  });

  it('refuses an answer with more than one connection rather than guess which to follow', async () => {
    const { fetch } = fakeFetch(() => ({ body: { data: { sessions: page(['1'], 'c1', true), again: page(['2'], 'c2', true) } } }));
    await expect(paginate(client(fetch).Sessions, {}).next()).rejects.toThrow('this answer has 2');
  });
});
