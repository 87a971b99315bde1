import { createMspClient } from '../../../sdk';
import { UserRole } from '../../../entities/user.entity';
import { ADMIN_EMAIL, ADMIN_PASSWORD, apiError, startTestApp, TestApp } from '../../helpers/test-app';

describe('authentication', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('authentication');
  });
  afterAll(() => app.stop());

  const login = () => app.anonymous.Login({ input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } }).then((r) => r.login);

  it('logs in with e-mail and password, and says the same thing for a wrong password and an unknown e-mail', async () => {
    const tokens = await login();
    expect(tokens.user).toMatchObject({ email: ADMIN_EMAIL, role: 'ADMIN' });
    expect(new Date(tokens.accessTokenExpiresAt).getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    const wrong = await apiError(app.anonymous.Login({ input: { email: ADMIN_EMAIL, password: 'nope nope nope' } }));
    const unknown = await apiError(app.anonymous.Login({ input: { email: 'ghost@test.local', password: 'nope nope nope' } }));
    expect([wrong.code, unknown.code]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(wrong.message).toBe(unknown.message);
  });

  it('lets the default admin of a fresh install (admin@localhost) log in', async () => {
    await app.sdk.CreateUser({ input: { email: 'admin@localhost', displayName: 'Local', role: 'ADMIN' } });
    const wrong = await apiError(app.anonymous.Login({ input: { email: 'admin@localhost', password: 'not the password' } }));
    expect(wrong.code).toBe('UNAUTHENTICATED'); // refused for the password, not for the address
  });

  it('rotates refresh tokens, and revokes the whole login when an old one is used again', async () => {
    const first = await login();
    const second = (await app.anonymous.RefreshToken({ input: { refreshToken: first.refreshToken } })).refreshToken;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await createMspClient({ url: app.url, token: second.accessToken }).Me();

    const reuse = await apiError(app.anonymous.RefreshToken({ input: { refreshToken: first.refreshToken } }));
    expect(reuse.code).toBe('UNAUTHENTICATED');
    expect(reuse.message).toContain('already used');
    // the thief's stolen token and the rightful newer one are both dead now
    expect((await apiError(app.anonymous.RefreshToken({ input: { refreshToken: second.refreshToken } }))).code).toBe('UNAUTHENTICATED');
    expect((await apiError(app.anonymous.RefreshToken({ input: { refreshToken: 'garbage' } }))).code).toBe('UNAUTHENTICATED');
    // "every token from that login" includes the access tokens it gave; another login is untouched
    for (const accessToken of [first.accessToken, second.accessToken]) {
      expect((await apiError(createMspClient({ url: app.url, token: accessToken }).Me())).code).toBe('UNAUTHENTICATED');
    }
    expect((await createMspClient({ url: app.url, token: (await login()).accessToken }).Me()).me.email).toBe(ADMIN_EMAIL);
  });

  it('logs out: the access token and its refresh token stop working at once', async () => {
    const tokens = await login();
    const client = createMspClient({ url: app.url, token: tokens.accessToken });
    expect((await client.Me()).me.email).toBe(ADMIN_EMAIL);
    await client.Logout({ input: { refreshToken: tokens.refreshToken } });
    expect((await apiError(client.Me())).code).toBe('UNAUTHENTICATED');
    expect((await apiError(app.anonymous.RefreshToken({ input: { refreshToken: tokens.refreshToken } }))).code).toBe('UNAUTHENTICATED');
  });

  it('shuts out a deactivated user, and lets users change only their own password', async () => {
    const tech = await app.clientAs(UserRole.TECHNICIAN);
    const me = (await tech.Me()).me;
    expect((await apiError(tech.SetPassword({ input: { userId: '1', password: 'a-new-long-password' } }))).code).toBe('FORBIDDEN');
    expect((await apiError(tech.SetPassword({ input: { password: 'short' } }))).errors[0].field).toBe('password');
    await tech.SetPassword({ input: { password: 'a-new-long-password' } });
    await app.anonymous.Login({ input: { email: me.email, password: 'a-new-long-password' } });
    await app.sdk.UpdateUser({ input: { id: me.id, active: false } });
    expect((await apiError(app.anonymous.Login({ input: { email: me.email, password: 'a-new-long-password' } }))).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('costs no SQL for token checks in steady use (they are cached for a few seconds)', async () => {
    const query = () => app.sdk.Clients({ first: 1 });
    await query();
    const before = { own: app.statements.count, auth: app.statements.authChecks };
    await query();
    // the page and its totalCount; no revocation or user lookups
    expect([app.statements.count - before.own, app.statements.authChecks - before.auth]).toEqual([2, 0]);
  });
});
