import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

describe('an ended session', () => {
  let app: TestApp;
  let sessionId: string;
  beforeAll(async () => {
    app = await startTestApp('ended_session');
    const clientId = (await app.sdk.CreateClient({ input: { name: 'Acme', hourlyRateCents: 10_000 } })).createClient.id;
    sessionId = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId } })).startSession.id;
    await app.sdk.LogWorkItem({
      input: { sessionId, category: 'MAINTENANCE', description: 'Patched the file server', minutes: 30, idempotencyKey: 'patch-1' },
    });
    await app.sdk.EndSession({ input: { sessionId } });
  });
  afterAll(() => app.stop());

  it.each([
    ['logWorkItem', () => app.sdk.LogWorkItem({ input: { sessionId, category: 'MAINTENANCE', description: 'Rebooted it', minutes: 15 } })],
    ['note', () => app.sdk.Note({ input: { sessionId, kind: 'FINDING', text: 'The UPS battery is old' } })],
    ['logCommand', () => app.sdk.LogCommand({ input: { sessionId, command: 'Restart-Computer', shell: 'powershell', success: true } })],
  ])('refuses %s with CONFLICT saying how to go on, and writes nothing', async (_name, write) => {
    const error = await apiError(write());
    expect(error.code).toBe('CONFLICT');
    expect(error.field).toBe('sessionId');
    expect(error.message).toMatch(
      new RegExp(`Session ${sessionId} ended at .*record further work in an open session \\(startSession starts one\\)`),
    );
    const session = (await app.sdk.Session({ id: sessionId })).session!;
    expect(session.workItems.totalCount).toBe(1);
  });

  it('keeps the stored summary and the breakdown in agreement', async () => {
    const { breakdown } = (await app.sdk.SessionBreakdowns({})).sessions.nodes.find((s) => s.id === sessionId)!;
    const { summary } = (await app.sdk.Session({ id: sessionId })).session!;
    expect(breakdown.amount).toBe('$50.00');
    expect(summary).toContain('$50.00');
  });

  it('still answers a retry of a write that landed before the end with its first result', async () => {
    const retried = await app.sdk.LogWorkItem({
      input: { sessionId, category: 'MAINTENANCE', description: 'Patched the file server', minutes: 30, idempotencyKey: 'patch-1' },
    });
    expect(retried.logWorkItem.description).toBe('Patched the file server');
  });
});
