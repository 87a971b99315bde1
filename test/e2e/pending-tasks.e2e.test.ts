import { apiError, startTestApp, TestApp } from '../helpers/test-app';

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
    const { addPendingTask } = await app.sdk.AddPendingTask({ input: { title: 'Check the Sunday backup', sessionId, dueDate: '2026-12-01' } });
    expect(addPendingTask).toMatchObject({ status: 'OPEN', dueDate: '2026-12-01', client: { id: clientId }, project: { id: projectId }, session: { id: sessionId } });
  });

  it('refuses owners that disagree, an impossible date and an unknown session', async () => {
    const other = (await app.sdk.CreateClient({ input: { name: 'Other' } })).createClient.id;
    expect((await apiError(app.sdk.AddPendingTask({ input: { title: 'x', clientId: other, sessionId } }))).errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clientId' });
    expect((await apiError(app.sdk.AddPendingTask({ input: { title: 'x', clientId, dueDate: '2026-02-30' } }))).errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueDate' });
    expect((await apiError(app.sdk.AddPendingTask({ input: { title: 'x', dueDate: '31.12.2026' } }))).errors[0].field).toBe('dueDate');
    expect((await apiError(app.sdk.AddPendingTask({ input: { title: 'x', sessionId: '9999' } }))).code).toBe('NOT_FOUND');
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
