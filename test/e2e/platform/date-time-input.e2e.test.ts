import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

describe('DateTime inputs', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('date_time_input');
  });
  afterAll(() => app.stop());

  const FORMAT = /ISO 8601 with a time zone, such as 2026-12-01T09:30:00Z/;

  it('refuses a date without a time as BAD_USER_INPUT (HTTP 400), naming the format and the fix', async () => {
    const refused = await apiError(app.sdk.StartSession({ input: { mode: 'NORMAL', startedAt: '2026-12-01' } }));
    expect(refused.status).toBe(400);
    expect(refused.errors[0].code).toBe('BAD_USER_INPUT');
    expect(refused.errors[0].message).toMatch(FORMAT);
    expect(refused.errors[0].message).toContain('at "input.startedAt"');
    expect(refused.errors[0].message).toContain('write "2026-12-01T00:00:00Z"');
    expect(
      (await apiError(app.sdk.StartSession({ input: { mode: 'NORMAL', startedAt: '2026-12-01T09:30:00' } }))).errors[0].message,
    ).toMatch(FORMAT);
  });

  it('says the same for a literal in the query', async () => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` },
      body: JSON.stringify({ query: 'mutation { startSession(input: { mode: NORMAL, startedAt: "2026-12-01" }) { id } }' }),
    });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(response.status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(FORMAT);
  });

  it('takes a time with its zone, and answers in UTC', async () => {
    const { startSession } = await app.sdk.StartSession({ input: { mode: 'NORMAL', startedAt: '2025-06-01T09:30:00+02:00' } });
    expect(startSession.startedAt).toBe('2025-06-01T07:30:00.000Z');
  });
});
