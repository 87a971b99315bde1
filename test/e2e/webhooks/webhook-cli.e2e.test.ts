import { cliHome, msp, mspJson } from '../../helpers/cli';
import { startTestApp, TestApp } from '../../helpers/test-app';
import { startReceiver, until, WebhookReceiver } from '../../helpers/webhook-receiver';

describe('msp webhook', () => {
  let app: TestApp;
  let hook: WebhookReceiver;
  let env: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp('webhook_cli', { env: { WEBHOOK_ALLOW_PRIVATE_NETWORK: 'true', WEBHOOK_POLL_INTERVAL_MS: '50' } });
    hook = await startReceiver();
    env = { ...cliHome(), MSP_API_URL: app.url, MSP_TOKEN: app.token };
  });
  afterAll(async () => {
    await app.stop();
    await hook.close();
  });

  it('adds a webhook (secret printed once), lists it, shows its deliveries, disables and removes it', async () => {
    const added = await msp(env, ['webhook', 'add', hook.url, '--events', 'security_incident.recorded,billing.locked']);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Webhook (\d+) added\. Signing secret \(shown only now\): whsec_/);
    const id = /Webhook (\d+)/.exec(added.stdout)![1];
    expect((await msp(env, ['webhook', 'add', hook.url, '--events', 'nothing.happened'])).code).toBe(2);

    const clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth' } })).createClient.id;
    await app.sdk.RecordSecurityIncident({ input: { clientId, title: 'Brute force', severity: 'MEDIUM' } });
    await hook.waitFor(1);
    await until(
      async () => (await mspJson<{ status: string }[]>(env, ['webhook', 'deliveries', '--webhook', id]))[0]?.status === 'DELIVERED',
    );
    const list = await mspJson<{ id: string; enabled: boolean; events: string[] }[]>(env, ['webhook', 'list']);
    expect(list).toEqual([expect.objectContaining({ id, enabled: true, events: ['SECURITY_INCIDENT_RECORDED', 'BILLING_LOCKED'] })]);
    expect(JSON.stringify(list)).not.toContain('whsec_');
    expect((await msp(env, ['webhook', 'disable', id])).stdout).toContain(`Webhook ${id} disabled.`);
    expect((await msp(env, ['webhook', 'remove', id])).stdout).toContain(`Webhook ${id} removed with 1 deliveries.`);
  });
});
