import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

describe('users and integration records', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('admin_records');
  });
  afterAll(() => app.stop());

  it('adds users with unique lower-case e-mails and changes their role', async () => {
    const createUser = (await app.sdk.CreateUser({ input: { email: 'Mike@Example.com', displayName: 'Mike', role: 'TECHNICIAN' } }))
      .createUser.user;
    expect(createUser).toMatchObject({ email: 'mike@example.com', active: true });
    expect(
      (await apiError(app.sdk.CreateUser({ input: { email: 'mike@example.COM', displayName: 'M2', role: 'ADMIN' } }))).errors[0],
    ).toMatchObject({ code: 'CONFLICT', field: 'email' });
    expect(
      (await apiError(app.sdk.CreateUser({ input: { email: 'not-an-email', displayName: 'x', role: 'ADMIN' } }))).errors[0].field,
    ).toBe('email');
    const { updateUser } = await app.sdk.UpdateUser({ input: { id: createUser.id, role: 'ADMIN', active: false } });
    expect(updateUser).toMatchObject({ role: 'ADMIN', active: false, displayName: 'Mike' });
    expect((await app.sdk.Users({})).users.nodes.map((u) => u.email)).toEqual(['mike@example.com', 'admin@test.local']);
    const { users: page } = await app.sdk.Users({ first: 1 });
    expect(page.pageInfo.hasNextPage).toBe(true);
    const { users: next } = await app.sdk.Users({ first: 1, after: page.pageInfo.endCursor });
    expect(next.nodes.map((u) => u.email)).toEqual(['admin@test.local']);
  });

  it('records integration credentials (metadata only) and links sessions to tickets once', async () => {
    const { createIntegrationCredential } = await app.sdk.CreateIntegrationCredential({
      input: { provider: 'syncro', name: 'Main tenant', baseUrl: 'https://acme.syncromsp.com/api/v1' },
    });
    expect(createIntegrationCredential.hasValue).toBe(false);
    expect((await app.sdk.IntegrationCredentials({})).integrationCredentials.nodes).toEqual([
      expect.objectContaining({ provider: 'syncro', name: 'Main tenant', hasValue: false }),
    ]);
    const { archiveIntegrationCredential } = await app.sdk.ArchiveIntegrationCredential({ input: { id: createIntegrationCredential.id } });
    expect(archiveIntegrationCredential.archivedAt).not.toBeNull();
    expect((await apiError(app.sdk.CreateIntegrationCredential({ input: { provider: 'syncro', name: 'Main tenant' } }))).code).toBe(
      'CONFLICT',
    );
    expect((await apiError(app.sdk.CreateIntegrationCredential({ input: { provider: 'Syncro MSP', name: 'x' } }))).errors[0].field).toBe(
      'provider',
    );
    expect(
      (await apiError(app.sdk.CreateIntegrationCredential({ input: { provider: 'syncro', name: 'y', baseUrl: 'http://plain.example' } })))
        .errors[0].field,
    ).toBe('baseUrl');

    const sessionId = (await app.sdk.StartSession({ input: { mode: 'NORMAL' } })).startSession.id;
    const first = await app.sdk.LinkTicket({ input: { sessionId, provider: 'syncro', ticketId: '123456', ticketNumber: '1042' } });
    const second = await app.sdk.LinkTicket({ input: { sessionId, provider: 'syncro', ticketId: '123456' } });
    expect(second.linkTicket.id).toBe(first.linkTicket.id);
    expect(second.linkTicket.session.ticketLinks.totalCount).toBe(1);
    expect((await apiError(app.sdk.LinkTicket({ input: { sessionId: '9999', provider: 'syncro', ticketId: '1' } }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('lists the outbound-call log (empty until the PSA integration fills it) and the API audit log of every request', async () => {
    expect((await app.sdk.ExternalIntegrationCalls({ filter: { provider: 'syncro' } })).externalIntegrationCalls.totalCount).toBe(0);
    await app.server.flushAudit(); // rows are written in batches; a timer may or may not have flushed some already
    const operations = (await app.sdk.ApiAuditLog({ first: 100 })).apiAuditLog.nodes.map((n) => n.operation);
    expect(operations).toEqual(expect.arrayContaining(['CreateUser', 'UpdateUser', 'Users', 'LinkTicket', 'ExternalIntegrationCalls']));
  });
});
