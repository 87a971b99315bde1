import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

const at = (iso: string) => new Date(iso).toISOString();

describe('billed lock', () => {
  let app: TestApp;
  let clientId: string;
  let billedId: string;
  let itemId: string;
  let laterId: string;

  beforeAll(async () => {
    app = await startTestApp('billing_lock');
    clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth', hourlyRateCents: 15_000 } })).createClient.id;
    billedId = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId, startedAt: at('2026-10-31T23:00:00Z') } })).startSession.id;
    itemId = (
      await app.sdk.LogWorkItem({ input: { sessionId: billedId, category: 'MAINTENANCE', description: 'Patched servers', minutes: 90 } })
    ).logWorkItem.id;
    await app.sdk.EndSession({ input: { sessionId: billedId, endedAt: at('2026-11-01T01:00:00Z') } });
    laterId = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId, startedAt: at('2026-11-02T09:00:00Z') } })).startSession.id;
    await app.sdk.EndSession({ input: { sessionId: laterId, endedAt: at('2026-11-02T10:00:00Z') } });
  });
  afterAll(() => app.stop());

  it('marks the ended sessions of a client started in the range, with their work items', async () => {
    const { markBilled } = await app.sdk.MarkBilled({
      input: { clientId, from: at('2026-10-01T00:00:00Z'), to: at('2026-11-01T00:00:00Z') },
    });
    expect(markBilled).toEqual({ sessionsBilled: 1, workItemsBilled: 1 });
    const again = await app.sdk.MarkBilled({ input: { clientId, from: at('2026-10-01T00:00:00Z'), to: at('2026-11-01T00:00:00Z') } });
    expect(again.markBilled).toEqual({ sessionsBilled: 0, workItemsBilled: 0 });
  });

  it('keeps the rate the session was billed at when the client’s rate changes', async () => {
    await app.sdk.UpdateClient({ input: { id: clientId, hourlyRateCents: 20_000 } });
    const history = (await app.sdk.SessionHistory({ id: billedId })).session!.history.nodes;
    expect(history.at(-1)).toMatchObject({ action: 'BILL' });
    expect(history.at(-1)!.after).toMatchObject({ billedRateCents: 15_000 });
  });

  it('refuses changes to time, billable flag and minutes with LOCKED, but allows the title', async () => {
    for (const input of [{ billable: false }, { startedAt: at('2026-10-31T22:00:00Z') }, { endedAt: at('2026-11-01T02:00:00Z') }]) {
      const error = await apiError(app.sdk.UpdateSession({ input: { id: billedId, ...input } }));
      expect(error.code).toBe('LOCKED');
      expect(error.message).toContain('unlockBilled');
    }
    expect((await apiError(app.sdk.UpdateWorkItem({ input: { id: itemId, minutes: 120 } }))).code).toBe('LOCKED');
    expect(
      (await apiError(app.sdk.LogWorkItem({ input: { sessionId: billedId, category: 'OTHER', description: 'More', minutes: 5 } }))).code,
    ).toBe('LOCKED');
    const { updateSession } = await app.sdk.UpdateSession({ input: { id: billedId, title: 'Monthly patching' } });
    expect(updateSession).toMatchObject({ title: 'Monthly patching', billable: true, durationMinutes: 120 });
  });

  it('unlocks with a reason that the change log keeps, after which edits work', async () => {
    expect((await apiError(app.sdk.UnlockBilled({ input: { sessionId: billedId, reason: '  ' } }))).code).toBe('BAD_USER_INPUT');
    const { unlockBilled } = await app.sdk.UnlockBilled({ input: { sessionId: billedId, reason: 'Client disputed 30 minutes' } });
    expect(unlockBilled.billedAt).toBeNull();
    await app.sdk.UpdateWorkItem({ input: { id: itemId, minutes: 60 } });
    const history = (await app.sdk.SessionHistory({ id: billedId })).session!.history.nodes;
    expect(history.map((c) => c.action)).toEqual(['CREATE', 'UPDATE', 'BILL', 'UPDATE', 'UNLOCK']);
    expect(history[4].reason).toBe('Client disputed 30 minutes');
    expect((await apiError(app.sdk.UnlockBilled({ input: { sessionId: billedId, reason: 'again' } }))).code).toBe('CONFLICT');
  });

  it('bills one session by id, only once it has ended', async () => {
    const { startSession } = await app.sdk.StartSession({ input: { mode: 'MSP', clientId } });
    expect((await apiError(app.sdk.MarkBilled({ input: { sessionId: startSession.id } }))).code).toBe('CONFLICT');
    expect((await app.sdk.MarkBilled({ input: { sessionId: laterId } })).markBilled.sessionsBilled).toBe(1);
    expect((await apiError(app.sdk.MarkBilled({ input: { clientId } }))).code).toBe('BAD_USER_INPUT');
  });
});
