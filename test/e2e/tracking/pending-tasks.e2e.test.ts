import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

describe('pending tasks', () => {
  let app: TestApp;
  let clientId: string;
  let projectId: string;
  let sessionId: string;
  beforeAll(async () => {
    app = await startTestApp('pending_tasks');
    clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth' } })).createClient.id;
    projectId = (await app.sdk.CreateProject({ input: { clientId, name: 'Backups' } })).createProject.id;
    sessionId = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId, projectId } })).startSession.id;
  });
  afterAll(() => app.stop());

  it('fills client and project from the session it came up in', async () => {
    const { addPendingTask } = await app.sdk.AddPendingTask({
      input: { title: 'Check the Sunday backup', sessionId, dueDate: '2026-12-01' },
    });
    expect(addPendingTask).toMatchObject({
      status: 'OPEN',
      dueDate: '2026-12-01',
      client: { id: clientId },
      project: { id: projectId },
      session: { id: sessionId },
    });
  });

  it('refuses owners that disagree, an impossible date and an unknown session', async () => {
    const other = (await app.sdk.CreateClient({ input: { name: 'Other' } })).createClient.id;
    expect((await apiError(app.sdk.AddPendingTask({ input: { title: 'x', clientId: other, sessionId } }))).errors[0]).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'clientId',
    });
    expect((await apiError(app.sdk.AddPendingTask({ input: { title: 'x', clientId, dueDate: '2026-02-30' } }))).errors[0]).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'dueDate',
    });
    expect((await apiError(app.sdk.AddPendingTask({ input: { title: 'x', dueDate: '31.12.2026' } }))).errors[0].field).toBe('dueDate');
    expect((await apiError(app.sdk.AddPendingTask({ input: { title: 'x', sessionId: '9999' } }))).code).toBe('NOT_FOUND');
  });

  it('shows each client its own open tasks, soonest first, in one request for many clients', async () => {
    const other = (await app.sdk.CreateClient({ input: { name: 'Third' } })).createClient.id;
    for (const [title, dueDate] of [
      ['B later', '2027-01-02'],
      ['B sooner', '2027-01-01'],
      ['B undated', undefined],
    ] as const) {
      await app.sdk.AddPendingTask({ input: { title, clientId: other, dueDate } });
    }
    const { clients } = await app.sdk.ClientsWithOpenTasks({ tasksFirst: 2 });
    const third = clients.nodes.find((c) => c.id === other)!;
    expect(third.pendingTasks.nodes.map((t) => t.title)).toEqual(['B sooner', 'B later']);
    expect(third.pendingTasks).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const page2 = await app.sdk.ClientPendingTasks({
      clientId: other,
      first: 2,
      after: (await app.sdk.ClientPendingTasks({ clientId: other, first: 2 })).client!.pendingTasks.pageInfo.endCursor,
    });
    expect(page2.client!.pendingTasks.nodes.map((t) => t.title)).toEqual(['B undated']);
  });

  it('lists soonest due first, undated last, and completes a task once', async () => {
    await app.sdk.AddPendingTask({ input: { title: 'Renew certificate', clientId, dueDate: '2026-11-30' } });
    const undated = (await app.sdk.AddPendingTask({ input: { title: 'Tidy the rack', clientId } })).addPendingTask;
    const { pendingTasks } = await app.sdk.PendingTasks({ filter: { clientId, status: 'OPEN' } });
    expect(pendingTasks.nodes.map((t) => t.title)).toEqual(['Renew certificate', 'Check the Sunday backup', 'Tidy the rack']);

    const page1 = await app.sdk.PendingTasks({ first: 2, filter: { clientId } });
    const page2 = await app.sdk.PendingTasks({ first: 2, after: page1.pendingTasks.pageInfo.endCursor, filter: { clientId } });
    expect(page2.pendingTasks.nodes.map((t) => t.title)).toEqual(['Tidy the rack']);

    const done = (await app.sdk.CompletePendingTask({ input: { pendingTaskId: undated.id } })).completePendingTask;
    expect(done.status).toBe('DONE');
    const again = (await app.sdk.CompletePendingTask({ input: { pendingTaskId: undated.id } })).completePendingTask;
    expect(again.completedAt).toBe(done.completedAt);
    const open = await app.sdk.PendingTasks({ filter: { clientId, status: 'OPEN', dueOnOrBefore: '2026-11-30' } });
    expect(open.pendingTasks.nodes.map((t) => t.title)).toEqual(['Renew certificate']);
    expect((await apiError(app.sdk.CompletePendingTask({ input: { pendingTaskId: '9999' } }))).code).toBe('NOT_FOUND');
  });
});
