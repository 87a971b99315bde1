import { UserRole } from '../../../entities/user.entity';
import { apiError, startTestApp, TestApp } from '../../helpers/test-app';
import { HaloFake } from '../../fakes/halo-fake';
import { SyncroFake } from '../../fakes/syncro-fake';
import { startReceiver, until } from '../../helpers/webhook-receiver';

const API_KEY = 'T-syncro-test-key-0001';

describe('posting sessions to a PSA ticket (Syncro and HaloPSA fakes on loopback)', () => {
  let app: TestApp;
  let syncro: SyncroFake;
  let integrationId: string;
  let clientId: string;
  let ticket: { id: number; number: string };

  beforeAll(async () => {
    app = await startTestApp('psa_posting', { env: { WEBHOOK_ALLOW_PRIVATE_NETWORK: 'true', WEBHOOK_POLL_INTERVAL_MS: '50' } });
    syncro = new SyncroFake({ requests: 1200, retryAfterSeconds: 1 });
    syncro.addToken({ value: API_KEY });
    await syncro.http.start();
    const dataforth = syncro.addCustomer('Dataforth Corp');
    ticket = syncro.addTicket({ number: '1042', subject: 'Local accounts on AD2', customerId: dataforth.id });
    for (let i = 0; i < 30; i++) syncro.addTicket({ number: String(2000 + i), subject: `Printer queue ${i}`, customerId: dataforth.id });
    integrationId = (
      await app.sdk.CreateIntegration({
        input: {
          provider: 'SYNCRO',
          name: 'Acme Syncro',
          baseUrl: syncro.baseUrl,
          apiKey: API_KEY,
          defaultProductId: '77',
          rateLimitRequests: 1200,
        },
      })
    ).createIntegration.id;
    clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth', hourlyRateCents: 12_000 } })).createClient.id;
  });
  afterAll(async () => {
    await syncro.http.stop();
    await app.stop();
  });
  beforeEach(() => {
    syncro.http.faults.length = 0;
  });

  /** An ended MSP session with work of these minutes; its own ticket so tests do not share state. */
  async function endedSession(minutes: number[], title = 'Reset local admin on AD2') {
    const startedAt = new Date(Date.now() - 4 * 3600_000).toISOString();
    const id = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId, title, startedAt } })).startSession.id;
    for (const m of minutes)
      await app.sdk.LogWorkItem({
        input: { sessionId: id, minutes: m, category: 'SECURITY', description: `${m} minutes on AD2`, startedAt },
      });
    await app.sdk.EndSession({ input: { sessionId: id, summary: `Checked local accounts (${title}).` } });
    return id;
  }
  const freshTicket = (subject: string) =>
    syncro.addTicket({ number: String(5000 + syncro.tickets.length), subject, customerId: syncro.customers[0].id });
  const post = (sessionId: string, t: { id: number }, extra: Record<string, unknown> = {}) =>
    app.sdk
      .PostSessionToTicket({ input: { sessionId, integrationId, ticket: { id: String(t.id) }, ...extra } })
      .then((r) => r.postSessionToTicket);
  const onTicket = (t: { id: number }) => ({
    comments: syncro.comments.filter((c) => c.ticket_id === t.id),
    timers: syncro.timers.filter((x) => x.ticket_id === t.id),
    charges: syncro.chargedLineItems(t.id),
  });

  it('never returns the API key, and only admins connect a PSA', async () => {
    const { integrations } = await app.sdk.Integrations({});
    expect(JSON.stringify(integrations)).not.toContain(API_KEY);
    expect(integrations.nodes[0]).toMatchObject({
      provider: 'SYNCRO',
      postingMode: 'TIMER_THEN_CHARGE',
      hiddenComments: true,
      doNotEmail: true,
      rateLimitRequests: 1200,
      rateLimitWindowSeconds: 60,
    });
    const tech = await app.clientAs(UserRole.TECHNICIAN);
    expect(
      (await apiError(tech.CreateIntegration({ input: { provider: 'SYNCRO', name: 'x', baseUrl: syncro.baseUrl, apiKey: API_KEY } }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await apiError(
          app.sdk.CreateIntegration({
            input: { provider: 'SYNCRO', name: 'y', baseUrl: 'http://psa.example.com/api/v1', apiKey: API_KEY },
          }),
        )
      ).errors[0].field,
    ).toBe('baseUrl');
  });

  it('searches tickets through Syncro paging (1-based, meta.total_pages) and answers a text', async () => {
    const { searchTickets } = await app.sdk.SearchTickets({ integrationId, query: 'printer', customer: 'Dataforth', first: 28 });
    expect(searchTickets.tickets).toHaveLength(28); // page size 25: two pages read
    expect(searchTickets.tickets[0]).toMatchObject({
      number: '2000',
      subject: 'Printer queue 0',
      customer: 'Dataforth Corp',
      status: 'New',
    });
    expect(searchTickets.text).toContain('#2000 Printer queue 0 (Dataforth Corp) [New]');
    expect((await app.sdk.SearchTickets({ integrationId, customer: 'Nobody Ltd' })).searchTickets.tickets).toEqual([]);
  });

  it('posts a hidden comment and a charged timer entry, by ticket number, and locks the session as posted', async () => {
    const sessionId = await endedSession([30, 15]);
    const answer = (await app.sdk.PostSessionToTicket({ input: { sessionId, integrationId, ticket: { number: '1042' } } }))
      .postSessionToTicket;
    expect(answer).toMatchObject({
      alreadyPosted: false,
      ticket: { id: String(ticket.id), number: '1042' },
      comment: { reconciled: false },
    });
    expect(answer.timeEntries).toEqual([
      expect.objectContaining({ kind: 'TIMER', minutes: 45, productId: '77', charged: true, reconciled: false }),
    ]);
    const { comments, timers, charges } = onTicket(ticket);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ hidden: true, emailed: false, id: Number(answer.comment!.id) });
    expect(comments[0].body).toContain('Checked local accounts');
    expect(timers).toEqual([expect.objectContaining({ recorded: true, product_id: 77, active_duration: 45 * 60 })]);
    expect(charges).toHaveLength(1);
    const posted = (await app.sdk.Session({ id: sessionId })).session!;
    expect(posted.postedAt).not.toBeNull();
    expect(posted.workItems.nodes.every((w) => w.postedAt)).toBe(true);
    // posted work is locked like billed work
    const workItemId = posted.workItems.nodes[0].id;
    expect((await apiError(app.sdk.UpdateWorkItem({ input: { id: workItemId, minutes: 5 } }))).code).toBe('LOCKED');
    // every call is in the log, with the ticket and the request id, never the key
    const { externalIntegrationCalls } = await app.sdk.ExternalIntegrationCalls({ first: 50, filter: { sessionId } });
    expect(externalIntegrationCalls.nodes.map((c) => c.action)).toEqual(
      expect.arrayContaining(['find_ticket_by_number', 'add_comment', 'add_timer_entry', 'charge_timer_entry']),
    );
    expect(externalIntegrationCalls.nodes.find((c) => c.action === 'add_comment')).toMatchObject({
      ticketId: String(ticket.id),
      responseStatus: 200,
      outcome: 'SUCCEEDED',
    });
    expect(externalIntegrationCalls.nodes.every((c) => c.requestId)).toBe(true);
    expect(JSON.stringify(externalIntegrationCalls)).not.toContain(API_KEY);
  });

  it('a second post of the same session posts nothing new anywhere', async () => {
    const t = freshTicket('Twice');
    const sessionId = await endedSession([20]);
    const first = await post(sessionId, t);
    const calls = syncro.http.log.length;
    const second = await post(sessionId, t, { idempotencyKey: 'another-key-1' });
    expect(second).toMatchObject({ alreadyPosted: true, comment: first.comment, timeEntries: first.timeEntries });
    expect(syncro.http.log.length).toBe(calls);
    expect(onTicket(t)).toMatchObject({ comments: [expect.anything()], timers: [expect.anything()], charges: [expect.anything()] });
  });

  it('a posted session sends one session.posted webhook with the PSA ids; posting it again sends none', async () => {
    const hook = await startReceiver();
    try {
      const webhookId = (await app.sdk.CreateWebhook({ input: { url: hook.url, events: ['SESSION_POSTED'] } })).createWebhook.webhook.id;
      const sessionId = await endedSession([20], 'Webhook on post');
      const target = freshTicket('Posted with a webhook');
      const answer = await post(sessionId, target);
      await until(async () => hook.received.length >= 1);
      await post(sessionId, target);
      const delivered = (await app.sdk.WebhookDeliveries({ filter: { webhookId }, first: 10 })).webhookDeliveries.nodes;
      expect(delivered).toHaveLength(1);
      const body = JSON.parse(hook.received[0].body) as { type: string; data: Record<string, unknown> };
      expect(body.type).toBe('session.posted');
      expect(body.data).toMatchObject({
        sessionId: Number(sessionId),
        integrationId: Number(integrationId),
        ticketId: String(target.id),
        commentId: answer.comment!.id,
      });
      await app.sdk.DeleteWebhook({ input: { id: webhookId } });
    } finally {
      await hook.close();
    }
  });

  it('429 then 200: waits the Retry-After and posts once', async () => {
    const t = freshTicket('Rate limited');
    const sessionId = await endedSession([10]);
    const before = syncro.http.count(429);
    syncro.http.rateLimit.requests = 0; // every request refused for a moment
    setTimeout(() => (syncro.http.rateLimit.requests = 1200), 300);
    const answer = await post(sessionId, t);
    expect(syncro.http.count(429)).toBeGreaterThan(before);
    expect(answer.timeEntries[0].charged).toBe(true);
    expect(onTicket(t).comments).toHaveLength(1);
    expect(onTicket(t).timers).toHaveLength(1);
  });

  it('a 500 after the write landed: the read-back finds it, so the fake holds one comment and one entry', async () => {
    const t = freshTicket('Flaky');
    const sessionId = await endedSession([25]);
    syncro.http.faults.push(
      { method: 'POST', path: /\/comment$/, kind: 'commitThenStatus', status: 500, times: 1 },
      { method: 'POST', path: /\/timer_entry$/, kind: 'commitThenStatus', status: 502, times: 1 },
    );
    const answer = await post(sessionId, t);
    expect(answer.comment!.reconciled).toBe(true);
    expect(answer.timeEntries[0]).toMatchObject({ reconciled: true, charged: true });
    expect(onTicket(t)).toMatchObject({
      comments: [expect.anything()],
      timers: [expect.objectContaining({ recorded: true })],
      charges: [expect.anything()],
    });
  });

  it('a dropped response on the charge: charged once', async () => {
    const t = freshTicket('Dropped');
    const sessionId = await endedSession([40]);
    syncro.http.faults.push({ method: 'POST', path: /charge_timer_entry$/, kind: 'commitThenDrop', times: 1 });
    const answer = await post(sessionId, t);
    expect(answer.timeEntries[0].charged).toBe(true);
    expect(onTicket(t).charges).toHaveLength(1);
    expect(onTicket(t).timers).toHaveLength(1);
  });

  it('provider down: a clear error, nothing written here, the session not locked; the retry later posts once', async () => {
    const t = freshTicket('Outage');
    const sessionId = await endedSession([15]);
    await syncro.http.stop();
    try {
      const error = await apiError(post(sessionId, t));
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(error.message).toMatch(/syncro is unavailable: connection failed/);
    } finally {
      await syncro.http.start(syncro.http.port);
    }
    const session = (await app.sdk.Session({ id: sessionId })).session!;
    expect(session.postedAt).toBeNull();
    await app.sdk.UpdateWorkItem({ input: { id: session.workItems.nodes[0].id, minutes: 16 } }); // not locked
    const answer = await post(sessionId, t);
    expect(answer.timeEntries[0].minutes).toBe(16);
    expect(onTicket(t).timers).toHaveLength(1);
  });

  it('an agent token posts only its own session (open: it then takes no more work); a bad ticket is refused', async () => {
    const other = await endedSession([5]);
    const startedAt = new Date(Date.now() - 3600_000).toISOString();
    const own = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId, title: 'Agent session', startedAt } })).startSession.id;
    await app.sdk.LogWorkItem({
      input: { sessionId: own, minutes: 12, category: 'SECURITY', description: 'Rotated the LAPS password', startedAt },
    });
    const agent = await app.agentFor(own, ['WRITE']);
    expect(
      (await apiError(agent.PostSessionToTicket({ input: { sessionId: other, integrationId, ticket: { id: String(ticket.id) } } }))).code,
    ).toBe('FORBIDDEN');
    expect((await apiError(agent.PostSessionToTicket({ input: { sessionId: own, integrationId, ticket: { id: '999999' } } }))).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await apiError(agent.PostSessionToTicket({ input: { sessionId: own, integrationId, ticket: { id: '1', number: '2' } } }))).errors[0]
        .field,
    ).toBe('ticket');
    const t = freshTicket('Agent');
    const answer = (await agent.PostSessionToTicket({ input: { sessionId: own, integrationId, ticket: { id: String(t.id) } } }))
      .postSessionToTicket;
    expect(answer.timeEntries[0].minutes).toBe(12);
    expect(onTicket(t).comments[0].body).toContain('Rotated the LAPS password (12 min)');
    expect((await apiError(agent.LogWorkItem({ input: { sessionId: own, minutes: 5, description: 'more' } }))).code).toBe('LOCKED');
  });

  it('Syncro refusals (401 permission, 422) come back as UPSTREAM_REFUSED with the PSA’s text', async () => {
    syncro.addToken({ value: 'T-readonly-key-0002', permissions: ['Tickets - List/Search', 'Tickets - View Details'] });
    const readOnly = (
      await app.sdk.CreateIntegration({
        input: { provider: 'SYNCRO', name: 'Read only', baseUrl: syncro.baseUrl, apiKey: 'T-readonly-key-0002', rateLimitRequests: 1200 },
      })
    ).createIntegration.id;
    const sessionId = await endedSession([5]);
    const t = freshTicket('No rights');
    const refused = await apiError(
      app.sdk.PostSessionToTicket({ input: { sessionId, integrationId: readOnly, ticket: { id: String(t.id) } } }),
    );
    expect(refused.code).toBe('UPSTREAM_REFUSED');
    expect(refused.message).toContain('Not authorized. Please ask account admin to update your group permissions.');
    expect((await app.sdk.Session({ id: sessionId })).session!.postedAt).toBeNull();
  });

  it('the second provider (HaloPSA: OAuth, actions in hours, one-step billing) through the same operations', async () => {
    const halo = new HaloFake();
    halo.clients.push({ id: 'msp-tracker', secret: 'halo-secret-123' });
    await halo.http.start();
    try {
      const haloTicket = halo.addTicket('VPN drops at Dataforth', 'Dataforth Corp');
      const haloId = (
        await app.sdk.CreateIntegration({
          input: { provider: 'HALO', name: 'Halo', baseUrl: halo.baseUrl, apiKey: 'halo-secret-123', oauthClientId: 'msp-tracker' },
        })
      ).createIntegration.id;
      expect((await app.sdk.SearchTickets({ integrationId: haloId, query: 'vpn' })).searchTickets.tickets).toEqual([
        expect.objectContaining({ id: String(haloTicket.id), subject: 'VPN drops at Dataforth' }),
      ]);
      const sessionId = await endedSession([90]);
      halo.http.faults.push({ method: 'POST', path: /\/Actions$/, kind: 'commitThenDrop', times: 1 });
      const answer = (
        await app.sdk.PostSessionToTicket({ input: { sessionId, integrationId: haloId, ticket: { id: String(haloTicket.id) } } })
      ).postSessionToTicket;
      expect(answer.timeEntries).toEqual([expect.objectContaining({ kind: 'TIMER', minutes: 90, charged: true })]);
      expect(halo.actions.filter((a) => a.timetaken > 0).map((a) => a.timetaken)).toEqual([1.5]);
      expect(halo.actions).toHaveLength(2); // one note, one time action: the dropped one was read back
      expect(halo.actions.every((a) => a.hiddenfromuser && !a.sendemail)).toBe(true);
    } finally {
      await halo.http.stop();
    }
  });
});
