import parsePrometheusTextFormat, { PrometheusFamily, PrometheusSample } from 'parse-prometheus-text-format';
import type { MetricValueWithName } from 'prom-client';
import { UserRole } from '../../../entities/user.entity';
import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

const TOKEN = 'metrics-token-for-this-test-only';

describe('GET /metrics', () => {
  let app: TestApp;
  beforeAll(async () => {
    // a low login-failure limit, so a refusal can be provoked
    app = await startTestApp('metrics', { env: { METRICS_TOKEN: TOKEN, RATE_LIMIT_LOGIN_FAILURES_PER_15_MIN: '1' } });
  }, 60_000);
  afterAll(() => app.stop());

  const metricsUrl = () => app.server.metricsUrl;
  const scrape = async (): Promise<PrometheusFamily[]> => {
    const response = await fetch(metricsUrl(), { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return parsePrometheusTextFormat(await response.text());
  };
  const family = (families: PrometheusFamily[], name: string) => families.find((f) => f.name === name);
  const matches = (sample: PrometheusSample, labels: Record<string, string>) =>
    Object.entries(labels).every(([k, v]) => sample.labels?.[k] === v);
  /** A counter's or gauge's value, or a histogram's count, for these labels (0 when absent). */
  const valueOf = (families: PrometheusFamily[], name: string, labels: Record<string, string> = {}) =>
    (family(families, name)?.metrics ?? []).filter((s) => matches(s, labels)).reduce((sum, s) => sum + Number(s.value ?? s.count ?? 0), 0);

  it('refuses a scrape without the bearer token when METRICS_TOKEN is set', async () => {
    expect((await fetch(metricsUrl())).status).toBe(401);
    expect((await fetch(metricsUrl(), { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('counts requests by operation and outcome, with durations and statements per request', async () => {
    const before = await scrape();
    await app.sdk.CreateClient({ input: { name: 'Metrics Corp.' } });
    await apiError(app.sdk.CreateClient({ input: { name: '' } }));
    const after = await scrape();
    const ok = { operation: 'CreateClient', outcome: 'OK' };
    expect(valueOf(after, 'msp_graphql_requests_total', ok) - valueOf(before, 'msp_graphql_requests_total', ok)).toBe(1);
    expect(
      valueOf(after, 'msp_graphql_requests_total', { operation: 'CreateClient' }) -
        valueOf(before, 'msp_graphql_requests_total', { operation: 'CreateClient' }),
    ).toBe(2);
    expect(family(after, 'msp_graphql_request_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(family(after, 'msp_graphql_request_statements')?.type).toBe('HISTOGRAM');
    // the parser folds a histogram's label sets into one: its series per label are read from the registry it was scraped from
    const series = async (name: string, suffix: string, labels: Record<string, string>) =>
      (await app.server.metrics.getSingleMetric(name)!.get()).values
        .filter(
          (v: MetricValueWithName<string>) =>
            v.metricName === `${name}${suffix}` && matches({ labels: v.labels as Record<string, string> }, labels),
        )
        .reduce((sum, v) => sum + v.value, 0);
    expect(await series('msp_graphql_request_duration_seconds', '_count', ok)).toBe(valueOf(after, 'msp_graphql_requests_total', ok));
    expect(await series('msp_graphql_request_statements', '_count', { operation: 'CreateClient' })).toBe(
      valueOf(after, 'msp_graphql_requests_total', { operation: 'CreateClient' }),
    );
    expect(await series('msp_graphql_request_statements', '_sum', { operation: 'CreateClient' })).toBeGreaterThan(0);
  });

  it('labels an operation name the schema does not know as unknown, never with what the client sent', async () => {
    const query = (operationName: string) =>
      fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` },
        body: JSON.stringify({ query: `query ${operationName} { clients { totalCount } }`, operationName }),
      });
    const before = await scrape();
    await query('user_supplied_12345');
    const text = await (await fetch(metricsUrl(), { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(text).not.toContain('user_supplied_12345');
    expect(
      valueOf(parsePrometheusTextFormat(text), 'msp_graphql_requests_total', { operation: 'unknown' }) -
        valueOf(before, 'msp_graphql_requests_total', { operation: 'unknown' }),
    ).toBe(1);
  });

  it('counts rate-limit refusals and credential reveals and denials', async () => {
    const before = await scrape();
    const email = 'nobody@test.local';
    await apiError(app.anonymous.Login({ input: { email, password: 'wrong password 1' } }));
    expect((await apiError(app.anonymous.Login({ input: { email, password: 'wrong password 2' } }))).errors[0].extensions?.code).toBe(
      'RATE_LIMITED',
    );
    const clientId = (await app.sdk.CreateClient({ input: { name: 'Vault Corp.' } })).createClient.id;
    const credentialId = (
      await app.sdk.StoreCredential({ input: { clientId, name: 'NAS admin', kind: 'PASSWORD', value: 'a secret value' } })
    ).storeCredential.id;
    await app.sdk.RevealCredential({ input: { credentialId, reason: 'metrics test' } });
    const tech = await app.clientAs(UserRole.TECHNICIAN);
    await apiError(tech.RevealCredential({ input: { credentialId, reason: 'curious' } }));
    const after = await scrape();
    const moved = (name: string, labels: Record<string, string>) => valueOf(after, name, labels) - valueOf(before, name, labels);
    expect(moved('msp_rate_limit_refusals_total', { limit: 'login-failures' })).toBe(1);
    expect(moved('msp_credential_reveals_total', { outcome: 'revealed' })).toBe(1);
    expect(moved('msp_credential_reveals_total', { outcome: 'denied' })).toBe(1);
  });

  it('reports the audit queue depth and the process metrics (event-loop lag, memory)', async () => {
    const families = await scrape();
    expect(family(families, 'msp_api_audit_queue_depth')?.type).toBe('GAUGE');
    expect(valueOf(families, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(family(families, 'nodejs_eventloop_lag_seconds')).toBeDefined();
    expect(valueOf(families, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

describe('GET /metrics with METRICS_PORT', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('metrics_port', { env: { METRICS_PORT: '0' } });
  }, 60_000);
  afterAll(() => app.stop());

  it('answers on a port of its own, and not on the API port', async () => {
    const { metricsUrl } = app.server;
    expect(new URL(metricsUrl).port).not.toBe(new URL(app.url).port);
    await app.sdk.CreateClient({ input: { name: 'Port Corp.' } });
    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    const families = parsePrometheusTextFormat(await response.text());
    const requests = families
      .find((f) => f.name === 'msp_graphql_requests_total')!
      .metrics.find((s) => s.labels?.operation === 'CreateClient' && s.labels?.outcome === 'OK');
    expect(Number(requests?.value)).toBe(1);
    expect((await fetch(app.url.replace('/graphql', '/metrics'))).status).toBe(404);
  });
});
