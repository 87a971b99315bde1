import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

describe('concurrent writes', () => {
  let app: TestApp;
  let clientId: string;
  beforeAll(async () => {
    app = await startTestApp('concurrent');
    clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth' } })).createClient.id;
  });
  afterAll(() => app.stop());

  it('links a brand-new tag to every work item logged with it at the same time, in different sessions', async () => {
    const sessionIds: string[] = [];
    for (let i = 0; i < 6; i++) sessionIds.push((await app.sdk.StartSession({ input: { mode: 'MSP', clientId } })).startSession.id);
    for (let round = 0; round < 5; round++) {
      const tag = `fresh-${round}`;
      const items = await Promise.all(
        sessionIds.map((sessionId, i) =>
          app.sdk.LogWorkItem({ input: { sessionId, category: 'OTHER', description: `item ${i}`, minutes: 1, tags: [tag] } }),
        ),
      );
      expect(items.map((r) => r.logWorkItem.tags.map((t) => t.name))).toEqual(items.map(() => [tag]));
    }
  });

  it('ends a session once when two agents end it at the same time; the other gets CONFLICT', async () => {
    const sessionId = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId } })).startSession.id;
    const results = await Promise.allSettled(
      ['first summary', 'second summary'].map((summary) => app.sdk.EndSession({ input: { sessionId, summary } })),
    );
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    expect(fulfilled).toHaveLength(1);
    const winner = (fulfilled[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof app.sdk.EndSession>>>).value.endSession;
    const stored = (await app.sdk.Session({ id: sessionId })).session!;
    expect(stored.summary).toBe(winner.summary);
    expect(stored.endedAt).toBe(winner.endedAt);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.code).toBe('CONFLICT');
  });

  it('keeps the first completion time when a task is completed twice at once', async () => {
    const taskId = (await app.sdk.AddPendingTask({ input: { title: 'Call the ISP', clientId } })).addPendingTask.id;
    const [a, b] = await Promise.all([1, 2].map(() => app.sdk.CompletePendingTask({ input: { pendingTaskId: taskId } })));
    expect(a.completePendingTask.completedAt).toBe(b.completePendingTask.completedAt);
    const history = await app.sdk.Changes({ objectType: 'PendingTask', objectId: taskId });
    expect(history.changes.nodes.map((c) => c.action)).toEqual(['CREATE', 'UPDATE']);
  });

  it('reads each mutation’s own writes when one request sends several', async () => {
    const sessionId = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId } })).startSession.id;
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` },
      body: JSON.stringify({
        query: `mutation ($id: ID!) {
          a: tagSession(input: { sessionId: $id, tags: ["one"] }) { tags { name } }
          b: tagSession(input: { sessionId: $id, tags: ["two"] }) { tags { name } }
        }`,
        variables: { id: sessionId },
      }),
    });
    const { data } = (await response.json()) as { data: { a: { tags: { name: string }[] }; b: { tags: { name: string }[] } } };
    expect(data.a.tags.map((t) => t.name)).toEqual(['one']);
    expect(data.b.tags.map((t) => t.name)).toEqual(['one', 'two']);
  });

  it('refuses a cursor taken from another list', async () => {
    await app.sdk.AddPendingTask({ input: { title: 'Another', clientId } });
    const tasks = await app.sdk.PendingTasks({ first: 1 });
    const error = await apiError(app.sdk.Sessions({ after: tasks.pendingTasks.pageInfo.endCursor }));
    expect(error.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
