import { createMspClient } from '../../../sdk';
import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

describe('change log', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('change_log');
  });
  afterAll(() => app.stop());

  it('records create and update with before, after, changed fields, actor and request id', async () => {
    const traced = createMspClient({ url: app.url, token: app.token, headers: { 'x-request-id': 'req-change-1' } });
    const { createClient } = await traced.CreateClient({ input: { name: 'Dataforth', hourlyRateCents: 15_000 } });
    await app.sdk.UpdateClient({ input: { id: createClient.id, hourlyRateCents: 16_000 } });
    const { changes } = await app.sdk.Changes({ objectType: 'Client', objectId: createClient.id });
    expect(changes.totalCount).toBe(2);
    const [created, updated] = changes.nodes;
    expect(created).toMatchObject({
      action: 'CREATE',
      before: null,
      requestId: 'req-change-1',
      actor: 'user:1',
      objectId: createClient.id,
    });
    expect(created.after).toMatchObject({ name: 'Dataforth', hourlyRateCents: 15_000 });
    expect(updated).toMatchObject({ action: 'UPDATE', changedFields: expect.arrayContaining(['hourlyRateCents', 'updatedAt']) });
    expect(updated.before).toMatchObject({ hourlyRateCents: 15_000 });
    expect(updated.after).toMatchObject({ hourlyRateCents: 16_000 });
  });

  it('logs every write of a session and its work, and nothing for a refused write', async () => {
    const clientId = (await app.sdk.Clients({ first: 1 })).clients.edges[0].node.id;
    const { startSession } = await app.sdk.StartSession({ input: { mode: 'MSP', clientId } });
    const { logWorkItem } = await app.sdk.LogWorkItem({
      input: { sessionId: startSession.id, category: 'TROUBLESHOOTING', description: 'Fixed DNS', minutes: 20 },
    });
    await app.sdk.EndSession({ input: { sessionId: startSession.id } });
    await apiError(app.sdk.EndSession({ input: { sessionId: startSession.id } }));
    const history = (await app.sdk.SessionHistory({ id: startSession.id })).session!.history;
    expect(history.nodes.map((c) => c.action)).toEqual(['CREATE', 'UPDATE']);
    expect(history.nodes[1].changedFields).toContain('endedAt');
    const itemChanges = await app.sdk.Changes({ objectType: 'WorkItem', objectId: logWorkItem.id });
    expect(itemChanges.changes.nodes.map((c) => c.action)).toEqual(['CREATE']);
  });

  it('names the valid object types when given an unknown one', async () => {
    const error = await apiError(app.sdk.Changes({ objectType: 'Spaceship', objectId: '1' }));
    expect(error.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'objectType' });
    expect(error.message).toContain('Session');
  });
});
