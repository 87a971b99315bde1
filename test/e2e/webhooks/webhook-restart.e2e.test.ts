import { randomBytes } from 'node:crypto';
import { loadConfig, serverLimits } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { RunningServer, startServer } from '../../../src/server';
import { Authenticator } from '../../../src/security/auth.service';
import { CredentialVault } from '../../../src/security/vault/credential-vault';
import { startTestApp, TestApp } from '../../helpers/test-app';
import { startReceiver, until, WebhookReceiver } from '../../helpers/webhook-receiver';

const ENV = {
  WEBHOOK_ALLOW_PRIVATE_NETWORK: 'true',
  WEBHOOK_POLL_INTERVAL_MS: '50',
  WEBHOOK_RETRY_BASE_MS: '20',
  WEBHOOK_TIMEOUT_MS: '30000',
};
const EVENTS = 20;

describe('webhooks across a restart and two replicas', () => {
  // the vault outlives the first process, as its key file would
  const vault = new CredentialVault(new Map([[1, randomBytes(32)]]), 1);
  let app: TestApp;
  let hook: WebhookReceiver;
  const replicas: RunningServer[] = [];

  beforeAll(async () => {
    // the first process commits the events but dies before its worker sends any
    app = await startTestApp('webhook_restart', { env: { ...ENV, WEBHOOK_WORKER: 'false' }, vault });
    hook = await startReceiver();
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
    await app.stop();
    await hook.close();
  });

  const replica = async () => {
    const limits = serverLimits(loadConfig({ ...ENV, WEBHOOK_WORKER: 'true' }));
    const server = await startServer({
      db: app.db,
      port: 0,
      vault,
      logger: createLogger('silent'),
      auth: new Authenticator(app.db, app.keys),
      limits,
    });
    replicas.push(server);
    return server;
  };

  it('delivers what was committed before the stop, after the restart, each event once though two replicas claim at once', async () => {
    const clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth' } })).createClient.id;
    const { createWebhook } = await app.sdk.CreateWebhook({ input: { url: hook.url, events: ['SECURITY_INCIDENT_RECORDED'] } });
    for (let i = 0; i < EVENTS; i++) await app.sdk.RecordSecurityIncident({ input: { clientId, title: `Alert ${i}`, severity: 'LOW' } });
    const pending = await app.sdk.WebhookDeliveries({ filter: { webhookId: createWebhook.webhook.id, status: 'PENDING' }, first: 100 });
    expect(pending.webhookDeliveries.totalCount).toBe(EVENTS);
    await app.pause(); // the process is gone; its outbox rows are in the database

    await Promise.all([replica(), replica()]);
    await hook.waitFor(EVENTS);
    const statuses = async () =>
      (await app.db.dataSource.query('SELECT status, attempts FROM webhook_deliveries')) as { status: string; attempts: number }[];
    await until(async () => (await statuses()).every((d) => d.status === 'DELIVERED'));
    const ids = hook.received.map((p) => p.headers['x-msp-event-id']);
    expect(new Set(ids).size).toBe(EVENTS);
    expect(ids).toHaveLength(EVENTS);
    expect((await statuses()).map((d) => Number(d.attempts))).toEqual(Array(EVENTS).fill(1));
    const titles = hook.received.map((p) => JSON.parse(p.body).data.incidentId).sort((a, b) => a - b);
    expect(new Set(titles).size).toBe(EVENTS);
  });
});
