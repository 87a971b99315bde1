import { buildAppSchema } from '../../../src/graphql/schema';
import { randomRequests } from '../../helpers/random-requests';
import { startTestApp, TestApp } from '../../helpers/test-app';

interface Refusal {
  message: string;
  path?: string[];
  extensions?: { code?: string };
}

/**
 * Thousands of requests made from the live schema (valid, hostile and broken, from a fixed seed):
 * a client's mistake is never a 5xx, every refusal carries a code, and nothing unexpected is logged.
 */
describe('requests generated from the schema', () => {
  let app: TestApp;
  const logLines: string[] = [];
  beforeAll(async () => {
    app = await startTestApp('schema_sweep', { logLines });
  });
  afterAll(() => app.stop());

  // logout and updateUser could end the admin's own token or account, and with it the sweep
  const requests = randomRequests(buildAppSchema(), 2500, 20261202, ['logout', 'updateUser']);

  it('answers each with a status under 500 and a code on every error', async () => {
    const problems: string[] = [];
    let reachedResolvers = 0;
    for (const request of requests) {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` },
        body: request.body,
      });
      const text = await response.text();
      let errors: Refusal[];
      try {
        errors = (JSON.parse(text) as { errors?: Refusal[] }).errors ?? [];
      } catch {
        problems.push(`${request.field}: answered ${response.status} with a body that is not JSON`);
        continue;
      }
      if (!errors.length || errors.some((e) => e.path)) reachedResolvers += 1;
      const uncoded = errors.filter((e) => !e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR');
      if (response.status >= 500 || uncoded.length)
        problems.push(`${request.field} → ${response.status} ${JSON.stringify(uncoded[0] ?? errors[0])}\n  ${request.body.slice(0, 300)}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    // the sweep is not all noise: a good share of the requests pass validation and reach a resolver
    expect(reachedResolvers).toBeGreaterThan(requests.length * 0.3);
    expect(logLines.filter((line) => /unexpected error/.test(line)).slice(0, 3)).toEqual([]);
  });
});
