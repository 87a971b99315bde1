import { systemScope } from '../../../src/kit/scope';
import { recordEvent } from '../../../src/webhooks/outbox';
import { sessionPosted } from '../../../src/webhooks/payloads';
import { apiError, startTestApp, TestApp } from '../../helpers/test-app';
import { signatureVerifies, startReceiver, until, WebhookReceiver } from '../../helpers/webhook-receiver';

const CREDENTIAL_VALUE = 'Hunter2-only-in-this-test!';
const OWN_SECRET = 'my-own-webhook-secret-0123456789';

/** The loopback receiver needs the private-network switch; retries are quick so the tests are short. */
const ENV = {
  WEBHOOK_ALLOW_PRIVATE_NETWORK: 'true',
  WEBHOOK_POLL_INTERVAL_MS: '50',
  WEBHOOK_RETRY_BASE_MS: '20',
  WEBHOOK_RETRY_MAX_MS: '100',
  WEBHOOK_TIMEOUT_MS: '30000',
  WEBHOOK_DISABLE_AFTER_FAILURES: '3',
};

describe('outbound webhooks', () => {
  let app: TestApp;
  let clientId: string;
  const receivers: WebhookReceiver[] = [];
  const receiver = async (...args: Parameters<typeof startReceiver>) => {
    const r = await startReceiver(...args);
    receivers.push(r);
    return r;
  };

  beforeAll(async () => {
    app = await startTestApp('webhooks', { env: ENV });
    clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth' } })).createClient.id;
  });
  afterAll(async () => {
    await app.stop();
    await Promise.all(receivers.map((r) => r.close()));
  });

  const deliveries = async (webhookId: string) =>
    (await app.sdk.WebhookDeliveries({ filter: { webhookId }, first: 100 })).webhookDeliveries.nodes;
  const webhook = async (id: string) => (await app.sdk.Webhook({ id })).webhook;
  const deliveredAll = (webhookId: string, count: number) =>
    until(async () => (await deliveries(webhookId)).filter((d) => d.status === 'DELIVERED').length >= count);
  const newCredential = async () =>
    (await app.sdk.StoreCredential({ input: { clientId, name: `AD2 admin ${Math.random()}`, kind: 'PASSWORD', value: CREDENTIAL_VALUE } }))
      .storeCredential.id;

  it('generates a secret shown once, keeps it sealed, and sends one reveal as exactly one signed POST without any secret', async () => {
    const hook = await receiver();
    const { createWebhook } = await app.sdk.CreateWebhook({
      input: { url: hook.url, events: ['CREDENTIAL_REVEALED'], description: 'SIEM' },
    });
    const secret = createWebhook.secret!;
    expect(secret).toMatch(/^whsec_[\w-]{40,}$/);
    const id = createWebhook.webhook.id;
    // never again: not in reads, not in the database, not in the change log
    expect(JSON.stringify(await app.sdk.Webhooks())).not.toContain(secret);
    expect(JSON.stringify(await app.db.dataSource.query('SELECT * FROM webhooks'))).not.toContain(secret);
    expect(JSON.stringify(await app.sdk.Changes({ objectType: 'Webhook', objectId: id }))).not.toContain(secret);

    const credentialId = await newCredential();
    await app.sdk.RevealCredential({ input: { credentialId, reason: 'Reset the local admin on AD2' } });
    await deliveredAll(id, 1);
    expect(hook.received).toHaveLength(1);
    const [post] = hook.received;
    expect(signatureVerifies(post, secret)).toBe(true);
    expect(signatureVerifies(post, `${secret}x`)).toBe(false);
    const body = JSON.parse(post.body);
    expect(post.headers['x-msp-event-id']).toBe(body.id);
    expect(post.headers['x-msp-event']).toBe('credential.revealed');
    expect(body).toMatchObject({
      type: 'credential.revealed',
      data: { credentialId: Number(credentialId), clientId: Number(clientId), kind: 'PASSWORD' },
    });
    expect(post.body).not.toContain(CREDENTIAL_VALUE);
    expect(post.body).not.toContain(secret);
    const [delivery] = await deliveries(id);
    expect(delivery).toMatchObject({
      eventId: body.id,
      status: 'DELIVERED',
      attempts: 1,
      lastStatusCode: 200,
      event: 'CREDENTIAL_REVEALED',
      payload: post.body,
    });
    await app.sdk.DeleteWebhook({ input: { id } });
  });

  it('retries a 500 with the same event id and body, and delivers on the 200', async () => {
    const hook = await receiver([500]);
    const { createWebhook } = await app.sdk.CreateWebhook({
      input: { url: hook.url, events: ['SECURITY_INCIDENT_RECORDED'], secret: OWN_SECRET },
    });
    expect(createWebhook.secret).toBeNull(); // the caller knows their own
    const { recordSecurityIncident } = await app.sdk.RecordSecurityIncident({
      input: { clientId, title: 'Phishing mail opened', severity: 'HIGH' },
    });
    await deliveredAll(createWebhook.webhook.id, 1);
    expect(hook.received).toHaveLength(2);
    const [first, second] = hook.received;
    expect(second.headers['x-msp-event-id']).toBe(first.headers['x-msp-event-id']);
    expect(second.body).toBe(first.body);
    expect([first.headers['x-msp-delivery-attempt'], second.headers['x-msp-delivery-attempt']]).toEqual(['1', '2']);
    expect(hook.received.every((p) => signatureVerifies(p, OWN_SECRET))).toBe(true);
    expect(JSON.parse(first.body).data).toMatchObject({ incidentId: Number(recordSecurityIncident.id), severity: 'HIGH' });
    const [delivery] = await deliveries(createWebhook.webhook.id);
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 2, lastStatusCode: 200 });
    expect((await webhook(createWebhook.webhook.id)).consecutiveFailures).toBe(0);
    await app.sdk.DeleteWebhook({ input: { id: createWebhook.webhook.id } });
  });

  it('answers the mutation while the receiver still holds the delivery open', async () => {
    const hook = await receiver(['hold']);
    const { createWebhook } = await app.sdk.CreateWebhook({ input: { url: hook.url, events: ['SESSION_ENDED'] } });
    const { startSession } = await app.sdk.StartSession({ input: { mode: 'MSP', clientId } });
    const { endSession } = await app.sdk.EndSession({ input: { sessionId: startSession.id, summary: 'Done.' } });
    expect(endSession.endedAt).toBeTruthy();
    // the mutation has answered; its event's POST is at the receiver, unanswered
    await hook.waitFor(1);
    const [pending] = await deliveries(createWebhook.webhook.id);
    expect(pending).toMatchObject({ status: 'PENDING', attempts: 0 });
    hook.release();
    await deliveredAll(createWebhook.webhook.id, 1);
    expect(JSON.parse(hook.received[0].body)).toMatchObject({
      type: 'session.ended',
      data: { sessionId: Number(startSession.id), clientId: Number(clientId), mode: 'MSP' },
    });
    await app.sdk.DeleteWebhook({ input: { id: createWebhook.webhook.id } });
  });

  it('disables a webhook after N consecutive failures with the last error visible, and resumes when enabled', async () => {
    const hook = await receiver([500, 500, 500]);
    const { createWebhook } = await app.sdk.CreateWebhook({ input: { url: hook.url, events: ['COMMAND_FAILED'] } });
    const id = createWebhook.webhook.id;
    const { startSession } = await app.sdk.StartSession({
      input: { mode: 'DEV', projectId: (await app.sdk.CreateProject({ input: { clientId, name: 'Intranet' } })).createProject.id },
    });
    const failed = (command: string) =>
      app.sdk.LogCommand({
        input: { sessionId: startSession.id, command, success: false, exitCode: 1, errorMessage: 'Access is denied.' },
      });
    await app.sdk.LogCommand({ input: { sessionId: startSession.id, command: 'ls', success: true, exitCode: 0 } });
    const { logCommand } = await failed('Get-LocalUser -Name secret-looking-arg');
    await until(async () => !(await webhook(id)).enabled);
    const disabled = await webhook(id);
    expect(disabled).toMatchObject({ enabled: false, consecutiveFailures: 3, lastError: 'HTTP 500' });
    expect(disabled.disabledReason).toContain('3 consecutive failed attempts');
    const [pending] = await deliveries(id);
    expect(pending).toMatchObject({ status: 'PENDING', attempts: 3, lastStatusCode: 500, lastError: 'HTTP 500' });
    expect(hook.received).toHaveLength(3);
    // only the failed command was an event, and it carries no command line
    expect(JSON.parse(hook.received[0].body).data).toMatchObject({ commandId: Number(logCommand.id), exitCode: 1 });
    expect(hook.received[0].body).not.toContain('secret-looking-arg');
    // while disabled, nothing new is queued for it
    await failed('Get-LocalGroup');
    expect(await deliveries(id)).toHaveLength(1);

    const { enableWebhook } = await app.sdk.EnableWebhook({ input: { id } });
    expect(enableWebhook).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledAt: null });
    await deliveredAll(id, 1);
    expect((await deliveries(id))[0]).toMatchObject({ status: 'DELIVERED', attempts: 4 });
    const { deleteWebhook } = await app.sdk.DeleteWebhook({ input: { id } });
    expect(deleteWebhook.deliveriesDeleted).toBe(1);
    expect((await apiError(app.sdk.Webhook({ id }))).code).toBe('NOT_FOUND');
  });

  it('sends billing.locked and session.posted (recordEvent in the caller’s transaction), and nothing for a rolled-back one', async () => {
    const hook = await receiver();
    const { createWebhook } = await app.sdk.CreateWebhook({ input: { url: hook.url, events: ['BILLING_LOCKED', 'SESSION_POSTED'] } });
    const id = createWebhook.webhook.id;
    const { startSession } = await app.sdk.StartSession({ input: { mode: 'MSP', clientId } });
    await app.sdk.EndSession({ input: { sessionId: startSession.id } });
    await app.sdk.MarkBilled({ input: { sessionId: startSession.id } });
    const scope = systemScope(app.db, 'psa-posting');
    await app.db.transaction(scope, (manager) =>
      recordEvent(
        manager,
        'session.posted',
        sessionPosted({
          sessionId: Number(startSession.id),
          clientId: Number(clientId),
          integrationId: 1,
          provider: 'syncro',
          ticketId: '4711',
        }),
      ),
    );
    await expect(
      app.db.transaction(scope, async (manager) => {
        await recordEvent(
          manager,
          'session.posted',
          sessionPosted({ sessionId: 999, clientId: null, integrationId: 1, provider: 'syncro', ticketId: 'never' }),
        );
        throw new Error('the PSA refused');
      }),
    ).rejects.toThrow('the PSA refused');
    await expect(recordEvent(app.db.manager, 'session.posted', {})).rejects.toThrow(/outside a transaction/);
    await deliveredAll(id, 2);
    const bodies = hook.received.map((p) => JSON.parse(p.body));
    expect(bodies.map((b) => b.type).sort()).toEqual(['billing.locked', 'session.posted']);
    expect(bodies.find((b) => b.type === 'billing.locked').data).toMatchObject({ sessionIds: [Number(startSession.id)], sessionCount: 1 });
    expect(bodies.find((b) => b.type === 'session.posted').data).toMatchObject({ ticketId: '4711', provider: 'syncro' });
    expect(await deliveries(id)).toHaveLength(2);
    await app.sdk.DeleteWebhook({ input: { id } });
  });

  it('does not follow a redirect', async () => {
    const target = await receiver();
    const hook = await receiver([], { redirectTo: target.url });
    const { createWebhook } = await app.sdk.CreateWebhook({ input: { url: hook.url, events: ['SECURITY_INCIDENT_RECORDED'] } });
    await app.sdk.RecordSecurityIncident({ input: { clientId, title: 'Port scan', severity: 'LOW' } });
    await until(async () => (await deliveries(createWebhook.webhook.id))[0]?.attempts >= 1);
    const [delivery] = await deliveries(createWebhook.webhook.id);
    expect(delivery.lastStatusCode).toBe(302);
    expect(delivery.lastError).toContain('redirects are not followed');
    expect(target.received).toHaveLength(0);
    await app.sdk.DeleteWebhook({ input: { id: createWebhook.webhook.id } });
  });

  it('refuses bad input with the field named', async () => {
    const bad = async (input: Parameters<typeof app.sdk.CreateWebhook>[0]['input']) => apiError(app.sdk.CreateWebhook({ input }));
    expect((await bad({ url: 'ftp://example.com/x', events: ['SESSION_ENDED'] })).field).toBe('url');
    expect((await bad({ url: 'https://user:pw@example.com/x', events: ['SESSION_ENDED'] })).field).toBe('url');
    expect((await bad({ url: 'https://example.com/x', events: [] })).field).toBe('events');
    expect((await bad({ url: 'https://example.com/x', events: ['SESSION_ENDED'], secret: 'short' })).field).toBe('secret');
  });
});
