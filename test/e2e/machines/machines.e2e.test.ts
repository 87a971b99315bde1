import { createHash } from 'node:crypto';
import { platformOf } from '../../../sdk';
import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

const laptop = { hostname: 'TECH-LAPTOP', username: 'mike', platform: platformOf('win32'), homeDirectory: 'C:\\Users\\mike' };

describe('machines', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('machines');
  });
  afterAll(() => app.stop());

  it('registers a machine under the SHA-256 of hostname|username|platform|home, the platform spelled as Node does', async () => {
    const { registerMachine } = await app.sdk.RegisterMachine({
      input: {
        ...laptop,
        preferredShell: 'powershell',
        capabilities: {
          docker: true,
          powershellVersion: '7.4',
          vpnProfiles: ['Dataforth'],
          packageManagers: [{ name: 'winget', install: 'winget install {package}' }],
        },
      },
    });
    const expected = createHash('sha256').update('TECH-LAPTOP|mike|win32|C:\\Users\\mike').digest('hex');
    expect(registerMachine.created).toBe(true);
    expect(registerMachine.machine).toMatchObject({ fingerprint: expected, platform: 'WIN32', preferredShell: 'powershell' });
    // stored as before the API named it WIN32: no migration, and older rows keep their fingerprints
    expect(await app.db.dataSource.query('SELECT platform FROM machines WHERE id = ?', [Number(registerMachine.machine.id)])).toEqual([
      { platform: 'win32' },
    ]);
    expect(registerMachine.machine.capabilities).toMatchObject({
      docker: true,
      powershellVersion: '7.4',
      vpnProfiles: ['Dataforth'],
      mcps: [],
    });
    expect((await app.sdk.Machine({ fingerprint: expected })).machine).toMatchObject({ hostname: 'TECH-LAPTOP', platform: 'WIN32' }); // read back from the row
  });

  it('updates capabilities and last-seen on the next registration instead of creating a second machine', async () => {
    const first = (
      await app.sdk.Machine({ fingerprint: createHash('sha256').update('TECH-LAPTOP|mike|win32|C:\\Users\\mike').digest('hex') })
    ).machine!;
    await new Promise((r) => setTimeout(r, 5));
    const { registerMachine } = await app.sdk.RegisterMachine({
      input: { ...laptop, capabilities: { docker: false, mcps: ['msp-tracker'] } },
    });
    expect(registerMachine.created).toBe(false);
    expect(registerMachine.machine.id).toBe(first.id);
    expect(registerMachine.machine.capabilities).toMatchObject({ docker: false, mcps: ['msp-tracker'] });
    expect(registerMachine.machine.firstSeenAt).toBe(first.firstSeenAt);
    expect(new Date(registerMachine.machine.lastSeenAt).getTime()).toBeGreaterThan(new Date(first.lastSeenAt).getTime());
  });

  it('survives two agents registering the same new machine at once', async () => {
    const input = { hostname: 'build-01', username: 'ci', platform: 'LINUX' as const, homeDirectory: '/home/ci' };
    const results = await Promise.all([app.sdk.RegisterMachine({ input }), app.sdk.RegisterMachine({ input })]);
    expect(results.map((r) => r.registerMachine.created).sort()).toEqual([false, true]);
    expect(new Set(results.map((r) => r.registerMachine.machine.id)).size).toBe(1);
  });

  it('refuses a wrong platform, a template without {package} and an unknown fingerprint', async () => {
    expect((await apiError(app.sdk.RegisterMachine({ input: { ...laptop, platform: 'beos' as never } }))).code).toBe('BAD_USER_INPUT');
    expect((await apiError(app.sdk.RegisterMachine({ input: { ...laptop, platform: 'win32' as never } }))).code).toBe('BAD_USER_INPUT');
    const template = await apiError(
      app.sdk.RegisterMachine({ input: { ...laptop, capabilities: { packageManagers: [{ name: 'apt', install: 'apt install' }] } } }),
    );
    expect(template.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'capabilities.packageManagers.0.install' });
    expect((await apiError(app.sdk.Machine({ fingerprint: 'f'.repeat(64) }))).code).toBe('NOT_FOUND');
    expect((await apiError(app.sdk.Machine({ fingerprint: 'x'.repeat(5000) }))).errors[0]).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'fingerprint',
    });
    // "a|b" + "c" and "a" + "b|c" would share a fingerprint
    expect((await apiError(app.sdk.RegisterMachine({ input: { ...laptop, hostname: 'TECH|LAPTOP' } }))).errors[0]).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'hostname',
    });
    // Within every per-field limit, yet about 78 kB of UTF-8 JSON: more than a TEXT column holds.
    const huge = Array.from({ length: 50 }, (_, i) => '€'.repeat(97) + i);
    const managers = Array.from({ length: 20 }, (_, i) => ({ name: `pm${i}`, install: `${'€'.repeat(480)} {package}` }));
    const tooBig = await apiError(
      app.sdk.RegisterMachine({
        input: { ...laptop, capabilities: { vpnProfiles: huge, mcps: huge, skills: huge, packageManagers: managers } },
      }),
    );
    expect(tooBig.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'capabilities' });
  });

  it('lists the sessions worked from a machine, most recent first, page by page', async () => {
    const machine = (await app.sdk.RegisterMachine({ input: laptop })).registerMachine.machine;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.unshift(
        (
          await app.sdk.StartSession({
            input: { mode: 'NORMAL', machineId: machine.id, startedAt: new Date(Date.UTC(2026, 5, 1 + i)).toISOString() },
          })
        ).startSession.id,
      );
    const { sessions } = await app.sdk.Sessions({ filter: { machineId: machine.id } });
    expect(sessions.edges.map((e) => e.node.id)).toEqual(ids);
    expect(sessions.edges[0].node.machine).toEqual({ id: machine.id, hostname: 'TECH-LAPTOP' });
    const page1 = (await app.sdk.MachineSessions({ fingerprint: machine.fingerprint, first: 2 })).machine!.sessions;
    const page2 = (await app.sdk.MachineSessions({ fingerprint: machine.fingerprint, first: 2, after: page1.pageInfo.endCursor })).machine!
      .sessions;
    expect([...page1.nodes, ...page2.nodes].map((s) => s.id)).toEqual(ids);
    expect(page1.totalCount).toBe(3);
  });
});
