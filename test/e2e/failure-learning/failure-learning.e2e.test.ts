import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

const NOT_RECOGNIZED = "The term 'Get-LocalUser' is not recognized as the name of a cmdlet, function, script file, or operable program.";

/** The learning cycle: a command fails → a pattern and an insight → the next agent is warned. */
describe('failure learning', () => {
  let app: TestApp;
  let acme: string;
  let session: string;
  const hosts: Record<string, string> = {};
  const failOn = (host: string, command = 'Get-LocalUser -Name admin') =>
    app.sdk.LogCommand({
      input: {
        sessionId: session,
        infrastructureId: hosts[host],
        command,
        shell: 'powershell 2.0',
        success: false,
        errorMessage: NOT_RECOGNIZED,
      },
    });
  const pattern = async (search: string) =>
    (await app.sdk.FailurePatterns({ filter: { search } })).failurePatterns.nodes.find((p) => p.signature.includes(search))!;

  beforeAll(async () => {
    app = await startTestApp('failure_learning');
    acme = (await app.sdk.CreateClient({ input: { name: 'Acme Dental' } })).createClient.id;
    const record = async (hostname: string, osVersion: string) =>
      (hosts[hostname] = (
        await app.sdk.RecordInfrastructure({
          input: {
            clientId: acme,
            hostname,
            kind: 'SERVER',
            os: 'Windows Server',
            osVersion,
            environmentalNotes: hostname === 'DC01' ? 'PowerShell 2.0 only' : undefined,
          },
        })
      ).recordInfrastructure.id);
    await record('DC01', '2008 R2');
    await record('DC02', '2008 R2');
    await record('WEB01', '2022');
    session = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId: acme } })).startSession.id;
  });
  afterAll(() => app.stop());

  it('turns a failed command into a pattern and a host insight, in the same write', async () => {
    const { logCommand } = await failOn('DC01');
    expect(logCommand).toMatchObject({ failureSignature: 'cmd:get-localuser', failureCategory: 'COMPATIBILITY' });
    expect(await pattern('get-localuser')).toMatchObject({
      signature: 'cmd:get-localuser',
      occurrences: 1,
      environmentConditions: ['Windows Server 2008 R2', 'powershell 2.0'],
      failureCategory: 'COMPATIBILITY',
    });
    expect((await pattern('get-localuser')).recommendedAlternative).toContain('Win32_UserAccount');
    const insights = (await app.sdk.EnvironmentalInsights({ filter: { infrastructureId: hosts.DC01 } })).environmentalInsights.nodes;
    expect(insights).toHaveLength(1);
    expect(insights[0].insight).toMatch(/^get-localuser fails on DC01 \(Windows Server 2008 R2\); instead: Get-WmiObject/);
    expect(insights[0].sourceFailureIds).toEqual([logCommand.id]);
  });

  it('warns on that host and on a host with the same OS, with the WMI alternative; says OK elsewhere', async () => {
    const here = (await app.sdk.EnvironmentContext({ hostname: 'dc01', command: 'Get-LocalUser' })).environmentContext;
    expect(here).toMatchObject({ verdict: 'WARN', host: { id: hosts.DC01, environmentalNotes: 'PowerShell 2.0 only' } });
    expect(here.alternative).toContain('Get-WmiObject -Class Win32_UserAccount');
    expect(here.insights.map((i) => i.insight)).toEqual([expect.stringContaining('get-localuser fails on DC01')]);
    expect(here.text).toContain('WARN');
    const sibling = (await app.sdk.EnvironmentContext({ infrastructureId: hosts.DC02, command: 'Get-LocalUser | Select Name' }))
      .environmentContext;
    expect(sibling.verdict).toBe('WARN');
    expect(sibling.reason).toContain('Windows Server 2008 R2');
    expect(sibling.alternative).toContain('Win32_UserAccount');
    const modern = (await app.sdk.EnvironmentContext({ infrastructureId: hosts.WEB01, command: 'Get-LocalUser' })).environmentContext;
    expect(modern).toMatchObject({ verdict: 'OK', alternative: null });
    const unknown = (await app.sdk.EnvironmentContext({ infrastructureId: hosts.DC01, command: 'Get-Service spooler' })).environmentContext;
    expect(unknown).toMatchObject({ verdict: 'OK', patterns: [] });
  });

  it('blocks a command that failed on the host three times, and counts every occurrence', async () => {
    await failOn('DC01');
    await failOn('DC01', 'Get-LocalUser');
    const blocked = (await app.sdk.EnvironmentContext({ infrastructureId: hosts.DC01, command: 'Get-LocalUser' })).environmentContext;
    expect(blocked.verdict).toBe('BLOCK');
    expect((await pattern('get-localuser')).occurrences).toBe(3);
    const insight = (await app.sdk.EnvironmentalInsights({ filter: { infrastructureId: hosts.DC01 } })).environmentalInsights.nodes[0];
    expect(insight.confidence).toBe(80);
    expect(insight.sourceFailureIds).toHaveLength(3);
  });

  it('learns nothing from a refused write', async () => {
    const error = await apiError(
      app.sdk.LogCommand({
        input: {
          sessionId: session,
          infrastructureId: hosts.DC01,
          command: 'Get-LocalUser',
          success: false,
          ranAt: '2001-01-01T00:00:00Z',
        },
      }),
    );
    expect(error.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ranAt' });
    expect((await pattern('get-localuser')).occurrences).toBe(3);
  });

  it('counts concurrent failures of a new command exactly once each', async () => {
    await Promise.all(Array.from({ length: 8 }, () => failOn('WEB01', 'Invoke-Sqlcmd -Query "SELECT 1"')));
    expect(await pattern('invoke-sqlcmd')).toMatchObject({ signature: 'cmd:invoke-sqlcmd', occurrences: 8 });
    expect((await app.sdk.FailurePatterns({ filter: { search: 'invoke-sqlcmd' } })).failurePatterns.totalCount).toBe(1);
  });

  it('learns from operation failures too', async () => {
    await app.sdk.LogOperationFailure({
      input: {
        sessionId: session,
        infrastructureId: hosts.DC02,
        operation: 'Install Veeam agent 6.1',
        description: 'Installer stopped',
        errorMessage: 'Access is denied.',
      },
    });
    expect(await pattern('veeam')).toMatchObject({ signature: 'op:install veeam agent', occurrences: 1, failureCategory: 'PERMISSION' });
  });

  it('rebuilds patterns from the recorded failures and lists the top ones with counts', async () => {
    const other = (await app.sdk.CreateClient({ input: { name: 'Other Corp' } })).createClient.id;
    const { analyzeFailures } = await app.sdk.AnalyzeFailures({ input: { clientId: acme, top: 2 } });
    expect(analyzeFailures.failuresScanned).toBe(12);
    expect(analyzeFailures.patterns.map((p) => [p.pattern.signature, p.occurrences, p.hosts])).toEqual([
      ['cmd:invoke-sqlcmd', 8, ['WEB01']],
      ['cmd:get-localuser', 3, ['DC01']],
    ]);
    expect(analyzeFailures.patternsUpdated).toBe(0); // incremental learning already had every count right
    expect(analyzeFailures.text.split('\n')[0]).toBe('12 failure(s) in 3 pattern(s) at Acme Dental.');
    // counts that drifted (an import, a hand edit) are put right by the rebuild, and failures recorded
    // before failure learning existed (no signature) are signed and counted
    await app.db.manager.query("UPDATE failure_patterns SET occurrences = 99 WHERE signature = 'cmd:get-localuser'");
    await app.db.manager.query("UPDATE commands_run SET failure_signature = NULL, failure_category = NULL WHERE command = 'Get-LocalUser'");
    expect((await app.sdk.AnalyzeFailures({ input: {} })).analyzeFailures).toMatchObject({ failuresSigned: 1, patternsUpdated: 1 });
    expect((await pattern('get-localuser')).occurrences).toBe(3);
    expect(
      (await app.sdk.Commands({ filter: { infrastructureId: hosts.DC01, success: false } })).commands.nodes.map((c) => [
        c.failureSignature,
        c.failureCategory,
      ]),
    ).toEqual(Array(3).fill(['cmd:get-localuser', 'COMPATIBILITY']));
    expect((await app.sdk.AnalyzeFailures({ input: {} })).analyzeFailures).toMatchObject({ patternsUpdated: 0, insightsUpdated: 0 }); // nothing left to change
    expect((await app.sdk.AnalyzeFailures({ input: { clientId: other } })).analyzeFailures).toMatchObject({
      failuresScanned: 0,
      patterns: [],
    });
    expect((await apiError(app.sdk.AnalyzeFailures({ input: { top: 51 } }))).errors[0]).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'top',
    });
  });

  it('asks which host when a name is ambiguous, and keeps agents to their client', async () => {
    const other = (await app.sdk.CreateClient({ input: { name: 'Third Corp' } })).createClient.id;
    await app.sdk.RecordInfrastructure({ input: { clientId: other, hostname: 'DC01', kind: 'SERVER' } });
    expect((await apiError(app.sdk.EnvironmentContext({ hostname: 'DC01' }))).errors[0]).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'hostname',
    });
    expect((await app.sdk.EnvironmentContext({ hostname: 'DC01', clientId: acme })).environmentContext.host.id).toBe(hosts.DC01);
    expect((await apiError(app.sdk.EnvironmentContext({ hostname: 'NOPE01', clientId: acme }))).errors[0]).toMatchObject({
      code: 'NOT_FOUND',
      field: 'hostname',
    });
    const agent = await app.agentFor(session, ['READ', 'WRITE']);
    expect(
      (await agent.EnvironmentContext({ hostname: 'DC01', clientId: acme, command: 'Get-LocalUser' })).environmentContext.verdict,
    ).toBe('BLOCK');
    expect((await apiError(agent.EnvironmentContext({ hostname: 'DC01', clientId: other }))).code).toBe('FORBIDDEN');
    expect((await apiError(agent.EnvironmentContext({ infrastructureId: hosts.DC01 }))).code).toBe('FORBIDDEN');
  });

  it("keeps a failed command's arguments and error text out of the pattern every client shares", async () => {
    await app.sdk.LogCommand({
      input: {
        sessionId: session,
        infrastructureId: hosts.WEB01,
        command: 'net use \\\\ACME-FS01\\payroll /user:acme\\admin Hunter2Secret',
        success: false,
        errorMessage: 'System error 86: The password for ACME-FS01 is not correct.',
      },
    });
    const other = (await app.sdk.CreateClient({ input: { name: 'Fourth Corp' } })).createClient.id;
    const otherSession = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId: other } })).startSession.id;
    const agent = await app.agentFor(otherSession, ['READ']);
    const shared = JSON.stringify(await agent.FailurePatterns({ filter: { search: 'net use' } }));
    expect(shared).toContain('cmd:net use');
    expect(shared).not.toMatch(/Hunter2Secret|ACME-FS01|payroll/i);
  });
});
