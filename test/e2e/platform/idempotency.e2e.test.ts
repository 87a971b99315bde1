import { randomUUID } from 'node:crypto';
import { Session } from '../../../entities/session.entity';
import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

describe('idempotent writes', () => {
  let app: TestApp;
  let clientId: string;
  beforeAll(async () => {
    app = await startTestApp('idempotency');
    clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth', idempotencyKey: 'client-1' } })).createClient.id;
  });
  afterAll(() => app.stop());

  it('returns the first result for a retried create and writes nothing new', async () => {
    const again = await app.sdk.CreateClient({ input: { name: 'Dataforth', idempotencyKey: 'client-1' } });
    expect(again.createClient.id).toBe(clientId);
    expect((await app.sdk.Clients({ first: 5 })).clients.totalCount).toBe(1);
  });

  it('refuses the same key with different input as CONFLICT', async () => {
    const error = await apiError(app.sdk.CreateClient({ input: { name: 'Globex', idempotencyKey: 'client-1' } }));
    expect(error.errors[0]).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
  });

  it('holds under 50 parallel identical calls: exactly one session and one work item', async () => {
    const startKey = randomUUID();
    const starts = await Promise.all(
      Array.from({ length: 50 }, () =>
        app.sdk.StartSession({ input: { mode: 'MSP', clientId, title: 'parallel', idempotencyKey: startKey } }),
      ),
    );
    const sessionIds = new Set(starts.map((s) => s.startSession.id));
    expect(sessionIds.size).toBe(1);
    expect(await app.db.manager.countBy(Session, { title: 'parallel' })).toBe(1);

    const sessionId = [...sessionIds][0];
    const logKey = randomUUID();
    const logs = await Promise.all(
      Array.from({ length: 50 }, () =>
        app.sdk.LogWorkItem({ input: { sessionId, category: 'OTHER', description: 'once', minutes: 5, idempotencyKey: logKey } }),
      ),
    );
    expect(new Set(logs.map((l) => l.logWorkItem.id)).size).toBe(1);
    expect((await app.sdk.Session({ id: sessionId })).session?.workItems.totalCount).toBe(1);
  });

  it('makes endSession safe to retry: the retry returns the ended session instead of CONFLICT', async () => {
    const { startSession } = await app.sdk.StartSession({ input: { mode: 'NORMAL' } });
    const key = randomUUID();
    const first = await app.sdk.EndSession({ input: { sessionId: startSession.id, idempotencyKey: key } });
    const retry = await app.sdk.EndSession({ input: { sessionId: startSession.id, idempotencyKey: key } });
    expect(retry.endSession.endedAt).toBe(first.endSession.endedAt);
    expect((await apiError(app.sdk.EndSession({ input: { sessionId: startSession.id } }))).code).toBe('CONFLICT');
  });

  it('answers 20 parallel retries of a refused write with the same clear error', async () => {
    const { startSession } = await app.sdk.StartSession({
      input: { mode: 'MSP', clientId, startedAt: new Date(Date.now() - 3_600_000).toISOString() },
    });
    await app.sdk.EndSession({ input: { sessionId: startSession.id } });
    await app.sdk.MarkBilled({ input: { sessionId: startSession.id } });
    const idempotencyKey = randomUUID();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        app.sdk.LogWorkItem({ input: { sessionId: startSession.id, category: 'OTHER', description: 'late', minutes: 5, idempotencyKey } }),
      ),
    );
    expect(results.map((r) => (r.status === 'rejected' ? r.reason.code : 'OK'))).toEqual(Array(20).fill('LOCKED'));
  });

  it('treats keys as exact strings: different case is a different key', async () => {
    const a = await app.sdk.CreateProject({ input: { clientId, name: 'Case A', idempotencyKey: 'Key-1' } });
    const b = await app.sdk.CreateProject({ input: { clientId, name: 'Case B', idempotencyKey: 'key-1' } });
    expect(a.createProject.id).not.toBe(b.createProject.id);
  });

  it('does not keep the key of a refused write, so a corrected retry with the same key works', async () => {
    const key = randomUUID();
    expect((await apiError(app.sdk.AddPendingTask({ input: { title: 'x', dueDate: '2026-02-30', idempotencyKey: key } }))).code).toBe(
      'BAD_USER_INPUT',
    );
    const ok = await app.sdk.AddPendingTask({ input: { title: 'x', dueDate: '2026-02-28', idempotencyKey: key } });
    expect(ok.addPendingTask.dueDate).toBe('2026-02-28');
  });
});
