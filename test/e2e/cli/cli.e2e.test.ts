import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, TestApp } from '../../helpers/test-app';
import { cliHome, msp, mspJson } from '../../helpers/cli';

describe('the msp CLI, as a technician uses it', () => {
  let app: TestApp;
  let env: Record<string, string>;
  beforeAll(async () => {
    app = await startTestApp('cli');
    env = cliHome();
    const { createClient } = await app.sdk.CreateClient({ input: { name: 'Dataforth', hourlyRateCents: 15_000 } });
    await app.sdk.RecordInfrastructure({
      input: { clientId: createClient.id, hostname: 'AD2', kind: 'SERVER', os: 'Windows Server', osVersion: '2008 R2' },
    });
  });
  afterAll(() => app.stop());

  it('logs in with the password on stdin and keeps the tokens in a file only the user can read', async () => {
    const login = await mspJson(env, ['login', '--url', app.url, '--email', ADMIN_EMAIL, '--password-stdin'], ADMIN_PASSWORD);
    expect(login).toMatchObject({ email: ADMIN_EMAIL, role: 'ADMIN' });
    expect(statSync(join(env.MSP_CONFIG_DIR, 'config.json')).mode & 0o777).toBe(0o600);
    expect(await mspJson(env, ['whoami'])).toMatchObject({ email: ADMIN_EMAIL });
  });

  it('registers this machine with a fingerprint computed here and the capabilities it found', async () => {
    const registered = await mspJson<{ created: boolean; fingerprint: string; machine: { fingerprint: string; platform: string } }>(env, [
      'machine',
      'register',
    ]);
    expect(registered.created).toBe(true);
    expect(registered.machine.fingerprint).toBe(registered.fingerprint);
    expect(registered.machine.platform).toBe('LINUX');
    expect((await mspJson<{ created: boolean }>(env, ['machine', 'register'])).created).toBe(false);
  });

  it('runs a day of work: session, work, a failed command, the warning it teaches, the end, the CSV report', async () => {
    const started = await mspJson<{ id: string; client: { name: string } }>(env, [
      'session',
      'start',
      '--client',
      'dataforth',
      '--title',
      'Local accounts on AD2',
    ]);
    expect(started.client.name).toBe('Dataforth');
    expect(await mspJson(env, ['session', 'current'])).toMatchObject({ id: started.id });

    const work = await mspJson<{ category: string }>(env, [
      'log',
      'work',
      'Reset the local administrator password on AD2 after the audit',
      '--minutes',
      '30',
    ]);
    expect(work.category).toBeTruthy();

    const failing = ['sh', '-c', 'echo "The term \'Get-LocalUser\' is not recognized" >&2; exit 3'];
    const ran = await msp(env, ['log', 'cmd', '--json', '--host', 'AD2', '--shell', 'sh', '--', ...failing]);
    expect(ran.code).toBe(3); // the command's own exit code
    expect(ran.stderr).toContain('is not recognized'); // its output still reaches the terminal
    expect(JSON.parse(ran.stdout)).toMatchObject({ exitCode: 3, queued: false, commandId: expect.any(String) });
    const { commands } = await app.sdk.Commands({ filter: { sessionId: started.id } });
    // quoted as typed, so the record can be pasted back into a shell
    expect(commands.nodes[0]).toMatchObject({
      success: false,
      exitCode: 3,
      command: `sh -c 'echo "The term '\\''Get-LocalUser'\\'' is not recognized" >&2; exit 3'`,
    });
    expect(commands.nodes[0]!.errorMessage).toContain('is not recognized');

    // a program that does not exist: said and recorded, with the shell's exit code
    const missing = await msp(env, ['log', 'cmd', '--', 'no-such-program-here']);
    expect([missing.code, missing.stderr]).toEqual([
      127,
      expect.stringMatching(/recorded command \d+ \(exit 127: no-such-program-here: .*ENOENT/),
    ]);

    const check = await mspJson<{ verdict: string; text: string }>(env, ['check', failing.join(' '), '--host', 'AD2']);
    expect(check.verdict).toBe('WARN');

    const ended = await mspJson<{ endedAt: string; summary: string }>(env, ['session', 'end', '--summary', 'Accounts checked.']);
    expect(ended.summary).toContain('Accounts checked.');
    expect((await msp(env, ['session', 'current'])).code).toBe(2); // no current session any more

    // a day either side of now: the same answer at any hour
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const csv = await msp(env, ['report', '--client', 'dataforth', '--from', from, '--to', to, '--group-by', 'category', '--csv']);
    expect(csv.code).toBe(0);
    const [header, ...rows] = csv.stdout.trim().split('\n');
    expect(header).toBe('client,project,category,month,machine,sessions,hours,billable hours,billable value,billed,unbilled');
    // 30 minutes at $150.00 an hour, not billed yet
    expect(
      rows[rows.length - 1]!.split(',')
        .slice(0, 1)
        .concat(rows[rows.length - 1]!.split(',').slice(8)),
    ).toEqual(['total', '$75.00', '$0.00', '$75.00']);
  });

  it('answers with exit codes a script can switch on', async () => {
    expect((await msp(cliHome(), ['whoami'])).code).toBe(3); // not logged in
    expect((await msp(env, ['context', 'no-such-client'])).code).toBe(4);
    expect((await msp(env, ['log', 'work', 'x', '--minutes', 'many'])).code).toBe(2);
    expect((await msp(env, ['no-such-command'])).code).toBe(2);
    expect((await msp({ ...env, MSP_API_URL: 'http://127.0.0.1:9/graphql' }, ['whoami'])).code).toBe(5);
    // no terminal to ask on: said, not silently skipped
    const noPassword = await msp(cliHome(), ['login', '--url', app.url, '--email', ADMIN_EMAIL]);
    expect([noPassword.code, noPassword.stderr]).toEqual([2, expect.stringContaining('--password-stdin')]);
  });

  it('hands an agent a token for the current session that the CLI then uses from MSP_TOKEN', async () => {
    const session = await mspJson<{ id: string }>(env, ['session', 'start', '--client', 'dataforth', '--title', 'Agent at work']);
    const exported = await msp(env, ['agent-token', '--scopes', 'read,write']);
    const token = /^export MSP_TOKEN=(\S+)$/.exec(exported.stdout.trim())?.[1];
    expect(token).toBeTruthy();
    const agent = { ...cliHome(), MSP_API_URL: app.url, MSP_TOKEN: token! };
    await mspJson(agent, ['log', 'work', 'Checked the backups as the agent', '--minutes', '5']);
    const { session: read } = await app.sdk.Session({ id: session.id });
    expect(read!.workItems.nodes.map((w) => w.description)).toEqual(['Checked the backups as the agent']);
    await mspJson(env, ['session', 'end']);
  });

  it('stores a credential from stdin, never from an argument, and prints its value only when asked', async () => {
    const stored = await mspJson<{ id: string }>(
      env,
      ['cred', 'put', '--name', 'NAS admin', '--client', 'dataforth', '--username', 'admin'],
      'Very-secret-Pa55\n',
    );
    const quiet = await msp(env, ['cred', 'get', stored.id, '--reason', 'NAS firmware update']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain('Very-secret-Pa55');
    const shown = await msp(env, ['cred', 'get', stored.id, '--reason', 'NAS firmware update', '--show']);
    expect(shown.stdout.trim()).toBe('Very-secret-Pa55');
  });

  it('adds, lists and completes tasks', async () => {
    const task = await mspJson<{ id: string }>(env, [
      'task',
      'add',
      'Order a new UPS battery',
      '--client',
      'dataforth',
      '--due',
      '2027-01-15',
    ]);
    expect((await mspJson<{ id: string }[]>(env, ['task', 'list', '--client', 'dataforth'])).map((t) => t.id)).toContain(task.id);
    await mspJson(env, ['task', 'done', task.id]);
    expect((await mspJson<{ id: string }[]>(env, ['task', 'list', '--client', 'dataforth'])).map((t) => t.id)).not.toContain(task.id);
  });
});
