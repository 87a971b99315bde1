import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

describe('failure analysis records', () => {
  let app: TestApp;
  let clientId: string;
  let serverId: string;
  let sessionId: string;
  beforeAll(async () => {
    app = await startTestApp('failure_analysis');
    clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth' } })).createClient.id;
    serverId = (await app.sdk.RecordInfrastructure({ input: { clientId, hostname: 'AD2', kind: 'SERVER' } })).recordInfrastructure.id;
    sessionId = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId } })).startSession.id;
  });
  afterAll(() => app.stop());

  it('logs an operation failure and fills the client from the session', async () => {
    const { logOperationFailure } = await app.sdk.LogOperationFailure({
      input: {
        sessionId,
        infrastructureId: serverId,
        operation: 'Install Veeam agent',
        description: 'Installer stopped at 80%',
        failureCategory: 'DEPENDENCY',
      },
    });
    expect(logOperationFailure).toMatchObject({ client: { id: clientId }, session: { id: sessionId }, failureCategory: 'DEPENDENCY' });
    const listed = await app.sdk.OperationFailures({ filter: { clientId, failureCategory: 'DEPENDENCY' } });
    expect(listed.operationFailures.nodes.map((f) => f.id)).toEqual([logOperationFailure.id]);
    const other = (await app.sdk.CreateClient({ input: { name: 'Other' } })).createClient.id;
    const mismatch = await apiError(
      app.sdk.LogOperationFailure({ input: { sessionId, clientId: other, operation: 'x', description: 'y' } }),
    );
    expect(mismatch.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clientId' });
  });

  it('curates failure patterns with unique signatures', async () => {
    const { recordFailurePattern } = await app.sdk.RecordFailurePattern({
      input: {
        signature: 'cmd:get-localuser',
        description: 'Get-LocalUser missing',
        failureCategory: 'COMPATIBILITY',
        environmentConditions: ['PowerShell 2.0'],
        recommendedAlternative: 'Get-WmiObject Win32_UserAccount',
      },
    });
    expect(recordFailurePattern).toMatchObject({ occurrences: 0, environmentConditions: ['PowerShell 2.0'] });
    expect(
      (await apiError(app.sdk.RecordFailurePattern({ input: { signature: 'cmd:get-localuser', description: 'again' } }))).errors[0],
    ).toMatchObject({ code: 'CONFLICT', field: 'signature' });
    // only the form failure learning uses can ever meet a learned failure
    expect(
      (await apiError(app.sdk.RecordFailurePattern({ input: { signature: 'powershell:get-localuser', description: 'x' } }))).errors[0],
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'signature' });
    await app.sdk.UpdateFailurePattern({
      input: { id: recordFailurePattern.id, environmentConditions: ['PowerShell 2.0', 'Windows Server 2008'] },
    });
    const found = await app.sdk.FailurePatterns({ filter: { search: 'localuser', failureCategory: 'COMPATIBILITY' } });
    expect(found.failurePatterns.nodes[0].environmentConditions).toEqual(['PowerShell 2.0', 'Windows Server 2008']);
  });

  it('records insights about a host, lists the active ones, and retires them', async () => {
    const { recordEnvironmentalInsight } = await app.sdk.RecordEnvironmentalInsight({
      input: { infrastructureId: serverId, insight: 'SMB1 only: use net use', confidence: 80, sourceFailureIds: ['1'] },
    });
    expect(recordEnvironmentalInsight).toMatchObject({ client: { id: clientId }, active: true, sourceFailureIds: ['1'] });
    expect((await apiError(app.sdk.RecordEnvironmentalInsight({ input: { insight: 'floating', confidence: 50 } }))).errors[0].field).toBe(
      'clientId',
    );
    expect(
      (await apiError(app.sdk.RecordEnvironmentalInsight({ input: { clientId, insight: 'x', confidence: 101 } }))).errors[0].field,
    ).toBe('confidence');
    // the other active one was learned from the operation failure on AD2 above
    const active = async () =>
      (await app.sdk.EnvironmentalInsights({ filter: { infrastructureId: serverId } })).environmentalInsights.nodes.map((i) => i.id);
    expect(await active()).toContain(recordEnvironmentalInsight.id);
    await app.sdk.UpdateEnvironmentalInsight({ input: { id: recordEnvironmentalInsight.id, active: false } });
    expect(await active()).not.toContain(recordEnvironmentalInsight.id);
    expect(
      (await app.sdk.EnvironmentalInsights({ filter: { infrastructureId: serverId, active: false } })).environmentalInsights.nodes.map(
        (i) => i.id,
      ),
    ).toEqual([recordEnvironmentalInsight.id]);
  });
});
