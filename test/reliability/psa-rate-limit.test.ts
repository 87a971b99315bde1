import { SyncroFake } from '../fakes/syncro-fake';
import { reliabilityBudget } from '../helpers/reliability-budget';
import { startTestApp, TestApp } from '../helpers/test-app';

const SESSIONS = reliabilityBudget(40, 200);
const LIMIT = { requests: 120, windowSeconds: 2 };

/** Many sessions posted in a loop stay under the PSA's per-IP limit: the shared budget paces them, no 429 is ever seen. */
describe('posting under the PSA rate limit', () => {
  let app: TestApp;
  let syncro: SyncroFake;
  beforeAll(async () => {
    app = await startTestApp('psa_rate_limit');
    syncro = new SyncroFake({ requests: LIMIT.requests, windowMs: LIMIT.windowSeconds * 1000, retryAfterSeconds: 1 });
    syncro.addToken({ value: 'T-rate-test-key-01' });
    await syncro.http.start();
  });
  afterAll(async () => {
    await syncro.http.stop();
    await app.stop();
  });

  it(`${SESSIONS} sessions posted one after another never hit a 429`, async () => {
    const integrationId = (
      await app.sdk.CreateIntegration({
        input: {
          provider: 'SYNCRO',
          name: 'Paced',
          baseUrl: syncro.baseUrl,
          apiKey: 'T-rate-test-key-01',
          rateLimitRequests: LIMIT.requests,
          rateLimitWindowSeconds: LIMIT.windowSeconds,
        },
      })
    ).createIntegration.id;
    const clientId = (await app.sdk.CreateClient({ input: { name: 'Paced client', hourlyRateCents: 10_000 } })).createClient.id;
    const customer = syncro.addCustomer('Paced client');
    const ticket = syncro.addTicket({ number: '77', subject: 'Monthly maintenance', customerId: customer.id });
    const startedAt = new Date(Date.now() - 6 * 3600_000).toISOString();
    for (let i = 0; i < SESSIONS; i++) {
      const sessionId = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId, title: `Patch run ${i}`, startedAt } })).startSession
        .id;
      await app.sdk.LogWorkItem({
        input: { sessionId, minutes: 10, category: 'MAINTENANCE', description: `Patched host ${i}`, startedAt },
      });
      await app.sdk.EndSession({ input: { sessionId } });
      await app.sdk.PostSessionToTicket({ input: { sessionId, integrationId, ticket: { id: String(ticket.id) } } });
    }
    expect(syncro.http.count(429)).toBe(0);
    expect(syncro.http.busiestWindow()).toBeLessThanOrEqual(LIMIT.requests);
    expect(syncro.comments.filter((c) => c.ticket_id === ticket.id)).toHaveLength(SESSIONS);
    expect(syncro.chargedLineItems(ticket.id)).toHaveLength(SESSIONS);
  }, 300_000);
});
