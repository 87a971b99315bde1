import { startTestApp, TestApp } from '../../helpers/test-app';

describe('GET /health', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('health');
  });
  afterAll(() => app.stop());

  const health = () => fetch(app.url.replace('/graphql', '/health'));

  it('answers ok while the database answers', async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers 503 with database down when the database is gone, and GraphQL says DATABASE_UNAVAILABLE without internals', async () => {
    await app.db.dataSource.destroy();
    const response = await health();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'error', database: 'down' });
    const graphql = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` },
      body: JSON.stringify({ query: '{ clients { totalCount } }' }),
    });
    const body = (await graphql.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|\.ts:|SELECT/);
  });
});
