import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

describe('projects', () => {
  let app: TestApp;
  let clientId: string;
  beforeAll(async () => {
    app = await startTestApp('projects');
    clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth' } })).createClient.id;
  });
  afterAll(() => app.stop());

  it('creates a project under its client, ACTIVE by default', async () => {
    const { createProject } = await app.sdk.CreateProject({
      input: { clientId, name: 'M365 migration', description: 'Move mail to Exchange Online' },
    });
    expect(createProject).toMatchObject({ name: 'M365 migration', status: 'ACTIVE', client: { id: clientId, name: 'Dataforth' } });
    expect((await app.sdk.Project({ id: createProject.id })).project?.description).toBe('Move mail to Exchange Online');
  });

  it('keeps names unique within a client only', async () => {
    await app.sdk.CreateProject({ input: { clientId, name: 'Firewall refresh' } });
    const dup = await apiError(app.sdk.CreateProject({ input: { clientId, name: 'FIREWALL REFRESH' } }));
    expect(dup.errors[0]).toMatchObject({ code: 'CONFLICT', field: 'name' });
    const other = (await app.sdk.CreateClient({ input: { name: 'Globex' } })).createClient.id;
    expect((await app.sdk.CreateProject({ input: { clientId: other, name: 'Firewall refresh' } })).createProject.client.id).toBe(other);
  });

  it('refuses an unknown client, a bad status and a long description', async () => {
    expect((await apiError(app.sdk.CreateProject({ input: { clientId: '9999', name: 'X' } }))).errors[0]).toMatchObject({
      code: 'NOT_FOUND',
      field: 'clientId',
    });
    expect((await apiError(app.sdk.CreateProject({ input: { clientId, name: 'X', status: 'DONE' as never } }))).code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await apiError(app.sdk.CreateProject({ input: { clientId, name: 'X', description: 'd'.repeat(2001) } }))).errors[0].field).toBe(
      'description',
    );
  });

  it('updates status and lists a client’s projects by status', async () => {
    const { createProject } = await app.sdk.CreateProject({ input: { clientId, name: 'Old NAS' } });
    const { updateProject } = await app.sdk.UpdateProject({ input: { id: createProject.id, status: 'COMPLETED' } });
    expect(updateProject).toMatchObject({ name: 'Old NAS', status: 'COMPLETED' });
    const done = await app.sdk.ClientProjects({ clientId, filter: { status: 'COMPLETED' } });
    expect(done.client?.projects.nodes.map((p) => p.name)).toEqual(['Old NAS']);
    const all = await app.sdk.ClientProjects({ clientId });
    expect(all.client?.projects.nodes.map((p) => p.name)).toEqual(['Firewall refresh', 'M365 migration', 'Old NAS']);
    expect((await apiError(app.sdk.UpdateProject({ input: { id: '9999', status: 'ACTIVE' } }))).code).toBe('NOT_FOUND');
  });
});
