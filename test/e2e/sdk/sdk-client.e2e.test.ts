import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { createMspClient, type MspClientOptions, type MspTokens, paginate } from '../../../sdk';
import { signAccessToken } from '../../../src/security/auth/access-tokens';
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiError, startTestApp, TestApp } from '../../helpers/test-app';
import type { AccessScope } from '../../../src/core/request-scope';

interface Sent {
  operation: string;
  variables: Record<string, unknown>;
}

/** The real fetch, recording each operation sent; `loseAnswer` makes fetch fail after the server answered. */
function recordingFetch(loseAnswer: (sent: Sent, n: number) => boolean = () => false) {
  const sent: Sent[] = [];
  const recording = async (url: string, init: RequestInit) => {
    const { query, variables } = JSON.parse(String(init.body)) as { query: string; variables?: Record<string, unknown> };
    const request = { operation: /^(?:query|mutation) (\w+)/.exec(query)![1], variables: variables ?? {} };
    sent.push(request);
    const response = await fetch(url, init);
    if (loseAnswer(request, sent.length))
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    return response;
  };
  return { fetch: recording as typeof fetch, sent };
}

describe('the SDK against the API', () => {
  let app: TestApp;
  const client = (options: Partial<MspClientOptions> = {}) => createMspClient({ url: app.url, token: app.token, ...options });
  beforeAll(async () => {
    app = await startTestApp('sdk_client');
  });
  afterAll(() => app.stop());

  /** A fresh login, and an access token of that login that lives only `ttlSeconds`. */
  async function shortLivedLogin(ttlSeconds: number) {
    const { login } = await app.anonymous.Login({ input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    const claims = decodeJwt(login.accessToken);
    const scopes = String(claims.scope).split(' ') as AccessScope[];
    const { token } = await signAccessToken(app.keys, { userId: Number(claims.sub), scopes, familyId: String(claims.fam) }, ttlSeconds);
    return { login, token };
  }

  it('refreshes an access token about to expire once for concurrent calls, and hands over a pair that works', async () => {
    const { login, token } = await shortLivedLogin(30);
    const stored: MspTokens[] = [];
    const { fetch, sent } = recordingFetch();
    const sdk = client({ token, refreshToken: login.refreshToken, onTokens: (tokens) => void stored.push(tokens), fetch });
    const answers = await Promise.all([sdk.Me(), sdk.Me(), sdk.Me()]);
    expect(answers.map((a) => a.me.email)).toEqual([ADMIN_EMAIL, ADMIN_EMAIL, ADMIN_EMAIL]);
    expect(sent.filter((s) => s.operation === 'RefreshToken')).toHaveLength(1);
    expect(stored).toHaveLength(1);
    expect(stored[0].refreshToken).not.toBe(login.refreshToken);
    expect((await client({ token: stored[0].accessToken }).Me()).me.email).toBe(ADMIN_EMAIL);
  });

  it('refreshes a token that already expired', async () => {
    const { login, token } = await shortLivedLogin(-5);
    const stored: MspTokens[] = [];
    const sdk = client({ token, refreshToken: login.refreshToken, onTokens: (tokens) => void stored.push(tokens) });
    expect((await sdk.Me()).me.email).toBe(ADMIN_EMAIL);
    expect(stored).toHaveLength(1);
  });

  it('is told by the API that an expired token expired, which is the answer it refreshes on', async () => {
    const { token } = await shortLivedLogin(-5);
    const error = await apiError(client({ token }).Me());
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(/expired/);
  });

  it('sends a request id with every call, which the API audit log keeps', async () => {
    const given = `sdk-e2e-${randomUUID()}`;
    await client().Me({}, { requestId: given });
    const refused = await apiError(client().CreateProject({ input: { clientId: '1', name: '' } }));
    expect(refused.requestId).toMatch(/^[0-9a-f-]{36}$/);
    await app.server.flushAudit();
    const rows = (await app.db.dataSource.query(
      'SELECT request_id, operation, outcome FROM api_audit_log WHERE request_id IN (?, ?) ORDER BY id',
      [given, refused.requestId],
    )) as { request_id: string; operation: string; outcome: string }[];
    expect(rows).toEqual([
      { request_id: given, operation: 'Me', outcome: 'OK' },
      { request_id: refused.requestId, operation: 'CreateProject', outcome: refused.code },
    ]);
  });

  it('paginates over every page of a connection, at the top of the answer and nested in it', async () => {
    const { createClient } = await client().CreateClient({ input: { name: `Paged ${randomUUID()}` } });
    const started: string[] = [];
    for (let i = 0; i < 5; i++) {
      started.push(
        (await client().StartSession({ input: { mode: 'MSP', clientId: createClient.id, title: `paged ${i}` } })).startSession.id,
      );
    }
    const { fetch, sent } = recordingFetch();
    const sdk = client({ fetch });
    const top: string[] = [];
    for await (const session of paginate(sdk.Sessions, { first: 2, filter: { clientId: createClient.id } })) top.push(session.id);
    const nested: string[] = [];
    for await (const session of paginate(sdk.ClientSessions, { clientId: createClient.id, first: 2 })) nested.push(session.id);
    expect(top.sort()).toEqual([...started].sort());
    expect(nested.sort()).toEqual([...started].sort());
    expect(sent.filter((s) => s.operation === 'Sessions').length).toBe(Math.ceil(started.length / 2));
  });

  it('sends a LogWorkItem whose answer was lost again with the same key, and records it once', async () => {
    const { startSession } = await client().StartSession({ input: { mode: 'NORMAL', title: 'lost answer' } });
    const { fetch, sent } = recordingFetch(
      (s) => s.operation === 'LogWorkItem' && sent.filter((o) => o.operation === 'LogWorkItem').length === 1,
    );
    const { logWorkItem } = await client({ fetch }).LogWorkItem({
      input: { sessionId: startSession.id, description: 'renewed the certificate', minutes: 15 },
    });
    const keys = sent
      .filter((s) => s.operation === 'LogWorkItem')
      .map((s) => (s.variables.input as { idempotencyKey: string }).idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const { session } = await client().Session({ id: startSession.id });
    expect(session?.workItems.nodes.map((w) => w.id)).toEqual([logWorkItem.id]);
  });

  it('does not send a write without an idempotency key again: a lost answer is SERVICE_UNREACHABLE', async () => {
    const { startSession } = await client().StartSession({ input: { mode: 'NORMAL', title: 'lost tag' } });
    const { fetch, sent } = recordingFetch((s) => s.operation === 'TagSession');
    const error = await apiError(client({ fetch }).TagSession({ input: { sessionId: startSession.id, tags: ['dns'] } }));
    expect(error).toMatchObject({ code: 'SERVICE_UNREACHABLE', status: 0 });
    expect(sent.map((s) => s.operation)).toEqual(['TagSession']);
  });
});
