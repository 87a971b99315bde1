import { apiError, startTestApp, TestApp } from '../../helpers/test-app';
import { startReceiver, until, WebhookReceiver } from '../../helpers/webhook-receiver';

/** WEBHOOK_ALLOW_PRIVATE_NETWORK is not set: the default, which refuses every non-public address. */
describe('webhook URLs without the private-network switch', () => {
  let app: TestApp;
  let hook: WebhookReceiver;

  beforeAll(async () => {
    app = await startTestApp('webhook_ssrf', {
      env: { WEBHOOK_POLL_INTERVAL_MS: '50', WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_RETRY_MAX_MS: '100' },
    });
    hook = await startReceiver();
  });
  afterAll(async () => {
    await app.stop();
    await hook.close();
  });

  it.each([
    ['the loopback receiver', () => hook.url, 'loopback'],
    ['localhost, after DNS', () => hook.url.replace('127.0.0.1', 'localhost'), 'loopback'],
    ['IPv6 loopback', () => 'http://[::1]:8080/hook', 'loopback'],
    ['IPv4-mapped IPv6 loopback', () => 'http://[::ffff:127.0.0.1]/hook', 'loopback'],
    ['a decimal-written loopback', () => 'http://2130706433/hook', 'loopback'],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['a private network', () => 'https://10.1.2.3/hook', 'private'],
    ['a private network, IPv4-mapped', () => 'https://[::ffff:192.168.1.10]/hook', 'private'],
    ['IPv6 link-local', () => 'http://[fe80::1]/hook', 'linkLocal'],
    ['IPv6 unique-local', () => 'http://[fd12:3456::1]/hook', 'uniqueLocal'],
    ['the unspecified address', () => 'http://0.0.0.0/hook', 'unspecified'],
  ])('refuses %s at subscription, naming the switch', async (_what, url, range) => {
    const error = await apiError(app.sdk.CreateWebhook({ input: { url: url(), events: ['SESSION_ENDED'] } }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('url');
    expect(error.message).toContain(`a ${range} address`);
    expect(error.message).toContain('WEBHOOK_ALLOW_PRIVATE_NETWORK=true');
  });

  it('refuses at delivery too, after DNS, when a stored URL now points inside (the receiver gets nothing)', async () => {
    const clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth' } })).createClient.id;
    // as if the name's DNS answer changed after subscription: public then, loopback now
    const urls = [hook.url.replace('127.0.0.1', 'localhost'), hook.url];
    const ids: string[] = [];
    for (const url of urls) {
      const created = await app.sdk.CreateWebhook({ input: { url: 'https://93.184.215.14/hook', events: ['SECURITY_INCIDENT_RECORDED'] } });
      await app.db.dataSource.query('UPDATE webhooks SET url = ? WHERE id = ?', [url, Number(created.createWebhook.webhook.id)]);
      ids.push(created.createWebhook.webhook.id);
    }
    await app.sdk.RecordSecurityIncident({ input: { clientId, title: 'Rebinding', severity: 'LOW' } });
    for (const webhookId of ids) {
      await until(
        async () => ((await app.sdk.WebhookDeliveries({ filter: { webhookId } })).webhookDeliveries.nodes[0]?.attempts ?? 0) >= 1,
      );
      const [delivery] = (await app.sdk.WebhookDeliveries({ filter: { webhookId } })).webhookDeliveries.nodes;
      expect(delivery.lastStatusCode).toBeNull();
      expect(delivery.lastError).toMatch(/^refused: .*loopback address/);
      expect((await app.sdk.Webhook({ id: webhookId })).webhook.lastError).toBe(delivery.lastError);
    }
    expect(hook.received).toHaveLength(0);
  });
});
