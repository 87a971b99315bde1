import { apiError, countStatements, startTestApp, TestApp } from '../../helpers/test-app';

const SECRET = 'Pa55w0rd-only-in-this-test!'; // one of the secrets npm test looks for in server logs
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const longSummary = (i: number) =>
  `Session ${i}: ${'checked the backups, patched the hosts and answered the front desk about the printer queue again '.repeat(6)}`;

/** contextRecovery: one call that picks up a client's work, compact however long the history. */
describe('context recovery', () => {
  let app: TestApp;
  let busy: string;
  let quiet: string;
  beforeAll(async () => {
    app = await startTestApp('context_recovery');
    busy = (await app.sdk.CreateClient({ input: { name: 'Dataforth' } })).createClient.id;
    quiet = (await app.sdk.CreateClient({ input: { name: 'Quiet Co' } })).createClient.id;
    const base = Date.now() - 400 * 3_600_000;
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 20 }, async (_, j) => {
          const i = batch * 20 + j;
          const startedAt = new Date(base + i * 3_600_000);
          const sessionId = (
            await app.sdk.StartSession({
              input: { mode: 'MSP', clientId: busy, billable: false, title: `Visit ${i}`, startedAt: startedAt.toISOString() },
            })
          ).startSession.id;
          await app.sdk.EndSession({
            input: { sessionId, endedAt: new Date(startedAt.getTime() + 1_800_000).toISOString(), summary: longSummary(i) },
          });
        }),
      );
    }
    for (let i = 0; i < 25; i++) {
      await app.sdk.RecordInfrastructure({
        input: { clientId: busy, hostname: `SRV${String(i).padStart(2, '0')}`, kind: 'SERVER', os: 'Windows Server', osVersion: '2019' },
      });
    }
    for (let i = 0; i < 12; i++)
      await app.sdk.AddPendingTask({
        input: {
          clientId: busy,
          title: `Follow up on item ${i} with the office manager about the warranty`,
          dueDate: `2026-12-${String(12 - i).padStart(2, '0')}`,
        },
      });
    for (let i = 0; i < 12; i++)
      await app.sdk.RecordEnvironmentalInsight({
        input: {
          clientId: busy,
          insight: `Insight ${i}: the old line-of-business app needs SMB1 and a mapped drive letter before it starts`,
          confidence: 50 + i,
        },
      });
    const credentialId = (
      await app.sdk.StoreCredential({
        input: { clientId: busy, name: 'AD2 local administrator', kind: 'PASSWORD', username: 'Administrator', value: SECRET },
      })
    ).storeCredential.id;
    await app.sdk.RevealCredential({ input: { credentialId, reason: 'Reset the local admin' } });
    await app.sdk.StoreCredential({ input: { clientId: busy, name: 'Never used', kind: 'PASSWORD', value: SECRET } });
    const quietSession = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId: quiet, title: 'First visit' } })).startSession.id;
    await app.sdk.EndSession({ input: { sessionId: quietSession, summary: 'Took over the network from the old provider.' } });
    await app.sdk.RecordInfrastructure({ input: { clientId: quiet, hostname: 'FW1', kind: 'FIREWALL' } });
    const quietCredential = (
      await app.sdk.StoreCredential({ input: { clientId: quiet, name: 'Firewall admin', kind: 'PASSWORD', value: SECRET } })
    ).storeCredential.id;
    await app.sdk.RevealCredential({ input: { credentialId: quietCredential, reason: 'Check the VPN' } });
  });
  afterAll(() => app.stop());

  it('returns the last sessions, open tasks, used credentials, topology and insights, in under 300 words for 200 sessions', async () => {
    const { contextRecovery } = await app.sdk.ContextRecovery({ clientId: busy });
    expect(contextRecovery.sessionCount).toBe(200);
    expect(contextRecovery.sessions.map((s) => s.title)).toEqual(['Visit 199', 'Visit 198', 'Visit 197', 'Visit 196', 'Visit 195']);
    expect(contextRecovery.openTasks).toHaveLength(10);
    expect(contextRecovery.openTasks[0]).toMatchObject({ dueDate: '2026-12-01' });
    expect(contextRecovery.recentCredentials.map((c) => c.credential.name)).toEqual(['AD2 local administrator']);
    expect(contextRecovery.topology.nodes).toHaveLength(25);
    expect(contextRecovery.insights.map((i) => i.confidence)).toEqual([61, 60, 59, 58, 57, 56, 55, 54, 53, 52]);
    const text = contextRecovery.text;
    expect(wordCount(text)).toBeLessThan(300);
    expect(text.split('\n')[0]).toMatch(/^Dataforth: 200 session\(s\), last \d{4}-\d\d-\d\d\.$/);
    expect(text).toContain('Visit 199: Session 199: checked the backups');
    expect(text).toContain('Credentials used lately: AD2 local administrator (');
    expect(text).toContain('Topology: 25 host(s), 0 link(s)');
    expect(JSON.stringify(contextRecovery)).not.toContain(SECRET);
  });

  it('keeps the text under 300 words with the largest limit too', async () => {
    const { contextRecovery } = await app.sdk.ContextRecovery({ clientId: busy, limit: 20 });
    expect(contextRecovery.sessions).toHaveLength(20);
    expect(wordCount(contextRecovery.text)).toBeLessThan(300);
    expect(contextRecovery.text).toContain('Visit 180');
  });

  it("shows a technician's own summary for a small client", async () => {
    const { contextRecovery } = await app.sdk.ContextRecovery({ clientId: quiet, limit: 3 });
    expect(contextRecovery.text).toContain('First visit: Took over the network from the old provider.');
    expect(contextRecovery.text).toContain('Open tasks: none.');
  });

  it('costs the same statements for 1 session, host and credential or 200 sessions, 25 hosts and 2 credentials', async () => {
    const small = await countStatements(app, () => app.sdk.ContextRecovery({ clientId: quiet }));
    const large = await countStatements(app, () => app.sdk.ContextRecovery({ clientId: busy }));
    expect(large).toBe(small);
  });

  it('checks its arguments and keeps agents to their client', async () => {
    expect((await apiError(app.sdk.ContextRecovery({ clientId: '999999' }))).errors[0]).toMatchObject({
      code: 'NOT_FOUND',
      field: 'clientId',
    });
    expect((await apiError(app.sdk.ContextRecovery({ clientId: busy, limit: 21 }))).errors[0]).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'limit',
    });
    const sessionId = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId: quiet } })).startSession.id;
    const agent = await app.agentFor(sessionId, ['READ']);
    expect((await agent.ContextRecovery({ clientId: quiet })).contextRecovery.client.name).toBe('Quiet Co');
    expect((await apiError(agent.ContextRecovery({ clientId: busy }))).code).toBe('FORBIDDEN');
  });
});
