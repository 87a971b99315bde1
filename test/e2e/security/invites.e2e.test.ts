import { createMspClient } from '../../../sdk';
import { UserInvite } from '../../../entities/user-invite.entity';
import { UserRole } from '../../../entities/user.entity';
import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

const PASSWORD = 'a long enough first password';

describe('invites', () => {
  let app: TestApp;
  const logLines: string[] = [];
  beforeAll(async () => {
    app = await startTestApp('invites', { logLines });
  });
  afterAll(() => app.stop());

  let users = 0;
  const newUser = async (role: 'TECHNICIAN' | 'ADMIN' = 'TECHNICIAN') => {
    const { createUser } = await app.sdk.CreateUser({ input: { email: `invited${++users}@test.local`, displayName: 'Invited', role } });
    return { user: createUser.user, token: createUser.invite!.token, expiresAt: createUser.invite!.expiresAt };
  };
  const accept = (token: string, password = PASSWORD) =>
    app.anonymous.AcceptInvite({ input: { token, password } }).then((r) => r.acceptInvite);

  it('gives a new user an invite that sets their password and logs them in, once', async () => {
    const { user, token, expiresAt } = await newUser();
    const days = (new Date(expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const tokens = await accept(token);
    expect(tokens.user).toMatchObject({ id: user.id, email: user.email, role: 'TECHNICIAN' });
    expect((await createMspClient({ url: app.url, token: tokens.accessToken }).Me()).me.email).toBe(user.email);
    await app.anonymous.RefreshToken({ input: { refreshToken: tokens.refreshToken } });
    await app.anonymous.Login({ input: { email: user.email, password: PASSWORD } });

    const again = await apiError(accept(token, 'someone else entirely'));
    expect(again.code).toBe('UNAUTHENTICATED');
    expect(again.message).toMatch(/already used .* log in with that password/);
    await app.anonymous.Login({ input: { email: user.email, password: PASSWORD } }); // the password stayed
  });

  it('sets one password when the same invite is accepted twice at once', async () => {
    const { token } = await newUser();
    const results = await Promise.allSettled([accept(token, 'the first of two passwords'), accept(token, 'the second of two passwords')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('stores only a hash of the token, and never logs it', async () => {
    const { user, token } = await newUser();
    const rows = await app.db.dataSource.query(`SELECT * FROM user_invites WHERE user_id = ${Number(user.id)}`);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    await accept(token);
    await app.server.flushAudit();
    const audit = await app.db.dataSource.query('SELECT * FROM api_audit_log');
    const changes = await app.db.dataSource.query('SELECT * FROM change_log');
    expect(JSON.stringify([audit, changes]) + logLines.join('\n')).not.toContain(token);
  });

  it('refuses an expired invite, saying so', async () => {
    const { user, token } = await newUser();
    await app.db.manager.update(UserInvite, { userId: Number(user.id) }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await apiError(accept(token));
    expect(expired.code).toBe('UNAUTHENTICATED');
    expect(expired.errors[0].message).toMatch(/^This invite expired at .*ask an admin \(createInvite\)/);
    expect((await apiError(app.anonymous.Login({ input: { email: user.email, password: PASSWORD } }))).code).toBe('UNAUTHENTICATED');
  });

  it('replaces an unused invite with a newer one, and resets a forgotten password with it', async () => {
    const { user, token: first } = await newUser();
    const { createInvite } = await app.sdk.CreateInvite({ input: { userId: user.id } });
    expect(createInvite.user).toEqual({ id: user.id, email: user.email });
    expect(createInvite.token).not.toBe(first);
    const replaced = await apiError(accept(first));
    expect(replaced.code).toBe('UNAUTHENTICATED');
    expect(replaced.message).toContain('replaced by a newer one');
    await accept(createInvite.token);

    const reset = (await app.sdk.CreateInvite({ input: { userId: user.id } })).createInvite.token;
    await accept(reset, 'the new password after forgetting');
    expect((await apiError(app.anonymous.Login({ input: { email: user.email, password: PASSWORD } }))).code).toBe('UNAUTHENTICATED');
    await app.anonymous.Login({ input: { email: user.email, password: 'the new password after forgetting' } });
  });

  it('refuses unknown tokens and short passwords, and invites for missing or deactivated users', async () => {
    const unknown = await apiError(accept('not-a-real-invite-token'));
    expect(unknown.code).toBe('UNAUTHENTICATED');
    expect(unknown.message).toContain('not valid');
    const { user, token } = await newUser();
    expect((await apiError(accept(token, 'short'))).errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect((await apiError(app.sdk.CreateInvite({ input: { userId: '999999' } }))).code).toBe('NOT_FOUND');

    await app.sdk.UpdateUser({ input: { id: user.id, active: false } });
    expect((await apiError(accept(token))).message).toContain('deactivated');
    expect((await apiError(app.sdk.CreateInvite({ input: { userId: user.id } }))).errors[0]).toMatchObject({
      code: 'CONFLICT',
      field: 'userId',
    });
  });

  it('lets only admins invite', async () => {
    const { user } = await newUser();
    const tech = await app.clientAs(UserRole.TECHNICIAN);
    expect((await apiError(tech.CreateInvite({ input: { userId: user.id } }))).code).toBe('FORBIDDEN');
    expect((await apiError(tech.CreateUser({ input: { email: 'by-tech@test.local', displayName: 'x', role: 'ADMIN' } }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('shows the invite of createUser once: a retry with the same idempotencyKey returns the user without it', async () => {
    const input = { email: 'retried@test.local', displayName: 'Retried', role: 'TECHNICIAN' as const, idempotencyKey: 'invite-retry-1' };
    const first = (await app.sdk.CreateUser({ input })).createUser;
    const retry = (await app.sdk.CreateUser({ input })).createUser;
    expect(retry.user.id).toBe(first.user.id);
    expect(first.invite?.token).toBeTruthy();
    expect(retry.invite).toBeNull();
    await accept(first.invite!.token); // the first invite still works
  });
});
