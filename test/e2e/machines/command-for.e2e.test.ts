import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

/** registerMachine answers the common commands up front; commandFor answers the rest, per machine. */
describe('commandFor', () => {
  let app: TestApp;
  let windows: string;
  let linux: string;
  let legacy: string;
  beforeAll(async () => {
    app = await startTestApp('command_for');
    const register = async (hostname: string, platform: 'WIN32' | 'LINUX', preferredShell: string, capabilities: object) =>
      (
        await app.sdk.RegisterMachine({
          input: {
            hostname,
            username: 'mike',
            platform,
            homeDirectory: platform === 'WIN32' ? 'C:\\Users\\mike' : '/home/mike',
            preferredShell,
            capabilities,
          },
        })
      ).registerMachine;
    const laptop = await register('TECH-LAPTOP', 'WIN32', 'powershell', {
      powershellVersion: '7.4',
      packageManagers: [{ name: 'winget', install: 'winget install --id {package} -e' }],
    });
    windows = laptop.machine.id;
    expect(laptop.commands.map((c) => c.task)).toEqual([
      'LIST_FILES',
      'PROCESS_LIST',
      'IP_CONFIG',
      'DISK_USAGE',
      'NETWORK_CONNECTIONS',
      'SYSTEM_INFO',
      'LIST_USERS',
    ]);
    expect(laptop.commands.every((c) => c.shell === 'powershell')).toBe(true);
    linux = (
      await register('build01', 'LINUX', 'bash', { packageManagers: [{ name: 'apt', install: 'sudo apt-get install -y {package}' }] })
    ).machine.id;
    legacy = (await register('OLD-PC', 'WIN32', 'powershell', { powershellVersion: '2.0' })).machine.id;
  });
  afterAll(() => app.stop());

  it("answers in each machine's shell, with its own package manager", async () => {
    const list = async (machineId: string) =>
      (await app.sdk.CommandFor({ machineId, task: 'LIST_FILES', args: { path: 'logs' } })).commandFor;
    expect(await list(windows)).toMatchObject({ shell: 'powershell', command: "Get-ChildItem -Force 'logs'" });
    expect(await list(linux)).toMatchObject({ shell: 'bash', command: "ls -la 'logs'" });
    const install = async (machineId: string) =>
      (await app.sdk.CommandFor({ machineId, task: 'INSTALL_PACKAGE', args: { package: 'git' } })).commandFor;
    expect(await install(windows)).toMatchObject({ command: 'winget install --id git -e', packageManager: 'winget' });
    expect(await install(linux)).toMatchObject({ command: 'sudo apt-get install -y git', packageManager: 'apt' });
    expect((await install(legacy)).note).toMatch(/no package manager/);
  });

  it('picks the WMI form for local users on PowerShell 2.0', async () => {
    const users = (await app.sdk.CommandFor({ machineId: legacy, task: 'LIST_USERS' })).commandFor;
    expect(users.command).toContain('Win32_UserAccount');
    expect((await app.sdk.CommandFor({ machineId: windows, task: 'LIST_USERS' })).commandFor.command).toContain('Get-LocalUser');
  });

  it('keeps hostile arguments inside quotes and refuses what cannot be quoted', async () => {
    const injected = (await app.sdk.CommandFor({ machineId: linux, task: 'LIST_FILES', args: { path: "x'; rm -rf / #" } })).commandFor;
    expect(injected.command).toBe("ls -la 'x'\\''; rm -rf / #'");
    expect(
      (await apiError(app.sdk.CommandFor({ machineId: linux, task: 'INSTALL_PACKAGE', args: { package: 'git; curl evil' } }))).errors[0],
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'args.package' });
    expect((await apiError(app.sdk.CommandFor({ machineId: linux, task: 'TAIL_LOG' }))).errors[0]).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'args.path',
    });
    expect((await apiError(app.sdk.CommandFor({ machineId: '999999', task: 'PING', args: { host: 'dc01' } }))).errors[0]).toMatchObject({
      code: 'NOT_FOUND',
      field: 'machineId',
    });
  });

  it('is open to agent tokens', async () => {
    const clientId = (await app.sdk.CreateClient({ input: { name: 'Acme' } })).createClient.id;
    const sessionId = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId } })).startSession.id;
    const agent = await app.agentFor(sessionId, ['READ']);
    expect((await agent.CommandFor({ machineId: linux, task: 'PROCESS_LIST' })).commandFor.shell).toBe('bash');
  });
});
