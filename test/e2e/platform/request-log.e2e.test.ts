import { createMspClient } from '../../../sdk';
import { ADMIN_PASSWORD, apiError, startTestApp, TestApp } from '../../helpers/test-app';

/** The server writes one JSON line per /graphql request; operators grep it by request id. */
describe('request log', () => {
  let app: TestApp;
  const logLines: string[] = [];
  beforeAll(async () => {
    app = await startTestApp('request_log', { logLines });
  });
  afterAll(() => app.stop());

  const requestLines = () => logLines.map((line) => JSON.parse(line)).filter((line) => line.msg === 'request');
  const lineFor = (requestId: string) => {
    const lines = requestLines().filter((line) => line.requestId === requestId);
    expect(lines).toHaveLength(1);
    return lines[0];
  };

  it('writes one line per request with its id, operation, outcome code, status, duration and statements', async () => {
    const { createClient } = await app.sdk.CreateClient({ input: { name: 'Logged Ltd' } }, { requestId: 'log-ok-1' });
    expect(createClient.name).toBe('Logged Ltd');
    const ok = lineFor('log-ok-1');
    expect(ok).toMatchObject({ level: 30, operation: 'CreateClient', outcome: 'OK', status: 200 });
    expect(ok.durationMs).toBeGreaterThanOrEqual(0);
    expect(ok.statements).toBeGreaterThan(0);

    const missing = await apiError(app.sdk.Client({ id: '999999' }, { requestId: 'log-missing-1' }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(lineFor('log-missing-1')).toMatchObject({ operation: 'Client', outcome: 'NOT_FOUND' });
  });

  it('logs refusals decided before any operation runs: a bad token, a body that is not JSON, a syntax error', async () => {
    const forged = createMspClient({ url: app.url, token: 'not-a-token', retries: 0 });
    expect((await apiError(forged.Me({}, { requestId: 'log-bad-token' }))).code).toBe('UNAUTHENTICATED');
    expect(lineFor('log-bad-token')).toMatchObject({ outcome: 'UNAUTHENTICATED' });

    const post = (body: string, requestId: string) =>
      fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': requestId, authorization: `Bearer ${app.token}` },
        body,
      });
    expect((await post('{not json', 'log-not-json')).status).toBe(400);
    expect(lineFor('log-not-json')).toMatchObject({ operation: null, outcome: 'HTTP_400', status: 400 });
    expect((await post(JSON.stringify({ query: '{ me { id ' }), 'log-syntax')).status).toBe(400);
    expect(lineFor('log-syntax')).toMatchObject({ outcome: 'GRAPHQL_PARSE_FAILED', status: 400 });
  });

  it('gives a request without an x-request-id the id the audit log keeps', async () => {
    const before = requestLines().length;
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` },
      body: JSON.stringify({ query: 'query Me { me { id } }' }),
    });
    expect(response.status).toBe(200);
    const line = requestLines()
      .slice(before)
      .find((l) => l.operation === 'Me');
    expect(line?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    await app.server.flushAudit();
    const rows = await app.db.dataSource.query('SELECT operation FROM api_audit_log WHERE request_id = ?', [line.requestId]);
    expect(rows).toEqual([{ operation: 'Me' }]);
  });

  it('never writes a password, a token or a secret value, whatever the request carried', async () => {
    const secret = 'hunter2-log-secret-value';
    const clientId = (await app.sdk.CreateClient({ input: { name: 'Vaulted Ltd' } })).createClient.id;
    await app.sdk.StoreCredential(
      { input: { clientId, name: 'Logged secret', kind: 'PASSWORD', value: secret } },
      { requestId: 'log-store' },
    );
    await app.anonymous.Login({ input: { email: 'admin@test.local', password: ADMIN_PASSWORD } }, { requestId: 'log-login' });
    expect(lineFor('log-store')).toMatchObject({ operation: 'StoreCredential', outcome: 'OK' });
    expect(lineFor('log-login')).toMatchObject({ operation: 'Login', outcome: 'OK' });
    const all = logLines.join('\n');
    for (const value of [secret, ADMIN_PASSWORD, app.token]) expect(all).not.toContain(value);
  });
});
