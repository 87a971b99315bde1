import { randomUUID } from 'node:crypto';
import type { LogCommandInput } from '../../../sdk';
import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

describe('work details', () => {
  let app: TestApp;
  let clientId: string;
  let sessionId: string;
  let workItemId: string;
  let serverId: string;
  let foreignServerId: string;

  beforeAll(async () => {
    app = await startTestApp('work_details');
    clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth' } })).createClient.id;
    const other = (await app.sdk.CreateClient({ input: { name: 'Other' } })).createClient.id;
    serverId = (await app.sdk.RecordInfrastructure({ input: { clientId, hostname: 'AD2', kind: 'SERVER' } })).recordInfrastructure.id;
    foreignServerId = (await app.sdk.RecordInfrastructure({ input: { clientId: other, hostname: 'X', kind: 'SERVER' } }))
      .recordInfrastructure.id;
    sessionId = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId } })).startSession.id;
    workItemId = (
      await app.sdk.LogWorkItem({ input: { sessionId, category: 'TROUBLESHOOTING', description: 'Local accounts', minutes: 30 } })
    ).logWorkItem.id;
  });
  afterAll(() => app.stop());

  it('logs a failed command with its context and links the session to the server it touched', async () => {
    const { logCommand } = await app.sdk.LogCommand({
      input: {
        sessionId,
        workItemId,
        infrastructureId: serverId,
        command: 'Get-LocalUser',
        shell: 'powershell 2.0',
        success: false,
        exitCode: 1,
        errorMessage: "The term 'Get-LocalUser' is not recognized",
        failureCategory: 'COMPATIBILITY',
        durationMs: 120,
      },
    });
    expect(logCommand).toMatchObject({
      success: false,
      failureCategory: 'COMPATIBILITY',
      session: { id: sessionId },
      workItem: { id: workItemId },
      infrastructure: { hostname: 'AD2' },
    });
    await app.sdk.LogCommand({
      input: { sessionId, infrastructureId: serverId, command: 'Get-WmiObject Win32_UserAccount', success: true },
    });
    const details = (await app.sdk.SessionDetails({ id: sessionId })).session!;
    expect(details.infrastructure.map((i) => i.hostname)).toEqual(['AD2']);
    expect(details.commands.totalCount).toBe(2);
    const failures = await app.sdk.Commands({ filter: { clientId, success: false } });
    expect(failures.commands.nodes.map((c) => c.command)).toEqual(['Get-LocalUser']);
    const compat = await app.sdk.Commands({ filter: { infrastructureId: serverId, failureCategory: 'COMPATIBILITY' } });
    expect(compat.commands.totalCount).toBe(1);
  });

  it.each([
    ['a failure category on a success', { success: true, failureCategory: 'SYNTAX' as const }, 'failureCategory', 'BAD_USER_INPUT'],
    ['a command over 4000 characters', { command: 'x'.repeat(4001) }, 'command', 'BAD_USER_INPUT'],
    ['a run time in the future', { ranAt: new Date(Date.now() + 3_600_000).toISOString() }, 'ranAt', 'BAD_USER_INPUT'],
    ['a run time before the session started', { ranAt: '2001-01-01T00:00:00Z' }, 'ranAt', 'BAD_USER_INPUT'],
    ['a negative duration', { durationMs: -1 }, 'durationMs', 'BAD_USER_INPUT'],
    ['a server of another client', { infrastructureId: 'FOREIGN' }, 'infrastructureId', 'BAD_USER_INPUT'],
    ['an unknown session', { sessionId: '9999' }, 'sessionId', 'NOT_FOUND'],
  ])('refuses %s, and stores nothing', async (_case, change, field, code) => {
    const before = (await app.sdk.Commands({ first: 1 })).commands.totalCount;
    const input: LogCommandInput = { sessionId, command: 'whoami', success: true, ...change };
    if (input.infrastructureId === 'FOREIGN') input.infrastructureId = foreignServerId;
    const error = await apiError(app.sdk.LogCommand({ input }));
    expect(error.errors[0]).toMatchObject({ code, field });
    expect((await app.sdk.Commands({ first: 1 })).commands.totalCount).toBe(before);
  });

  it('refuses a work item of another session', async () => {
    const otherSession = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId } })).startSession.id;
    const error = await apiError(
      app.sdk.LogFileChange({ input: { sessionId: otherSession, workItemId, path: '/etc/hosts', kind: 'MODIFIED' } }),
    );
    expect(error.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workItemId' });
  });

  it('records file changes, problem solutions, infrastructure and database changes and deployments in the session', async () => {
    await app.sdk.LogFileChange({
      input: { sessionId, path: 'C:\\Scripts\\backup.ps1', kind: 'CREATED', summary: 'Nightly backup script' },
    });
    const { logProblemSolution } = await app.sdk.LogProblemSolution({
      input: {
        sessionId,
        infrastructureId: serverId,
        symptom: 'Get-LocalUser not recognized',
        solution: 'Use Get-WmiObject Win32_UserAccount on PowerShell 2.0',
      },
    });
    expect(logProblemSolution.verified).toBe(false);
    const { updateProblemSolution } = await app.sdk.UpdateProblemSolution({
      input: { id: logProblemSolution.id, verified: true, rootCause: 'PowerShell 2.0 lacks the LocalAccounts module' },
    });
    expect(updateProblemSolution).toMatchObject({ verified: true, solution: logProblemSolution.solution });
    await app.sdk.RecordInfrastructureChange({
      input: {
        sessionId,
        infrastructureId: serverId,
        description: 'Enabled SMB signing',
        before: 'off',
        after: 'on',
        rollbackNote: 'Set RequireSecuritySignature=0',
      },
    });
    const { recordDeployment } = await app.sdk.RecordDeployment({
      input: { sessionId, infrastructureId: serverId, component: 'backup.ps1', environment: 'production', status: 'FAILED' },
    });
    expect(
      (
        await app.sdk.UpdateDeployment({
          input: { id: recordDeployment.id, status: 'SUCCEEDED', notes: 'Second try with -ExecutionPolicy Bypass' },
        })
      ).updateDeployment.status,
    ).toBe('SUCCEEDED');
    await app.sdk.RecordDatabaseChange({
      input: {
        sessionId,
        databaseName: 'Accounting',
        changeType: 'data fix',
        statementSummary: 'Closed 3 stuck invoices',
        rowsAffected: 3,
        backupTaken: true,
      },
    });
    expect(
      (await apiError(app.sdk.RecordDeployment({ input: { sessionId, component: 'x', environment: 'prod', status: 'MAYBE' as never } })))
        .code,
    ).toBe('BAD_USER_INPUT');

    const details = (await app.sdk.SessionDetails({ id: sessionId })).session!;
    expect(details.fileChanges.nodes).toEqual([{ path: 'C:\\Scripts\\backup.ps1', kind: 'CREATED' }]);
    expect(details.problemSolutions.nodes).toEqual([{ symptom: 'Get-LocalUser not recognized', verified: true }]);
    expect(details.infrastructureChanges.nodes[0].rollbackNote).toBe('Set RequireSecuritySignature=0');
    expect(details.deployments.nodes).toEqual([{ component: 'backup.ps1', status: 'SUCCEEDED' }]);
    expect(details.databaseChanges.nodes).toEqual([{ databaseName: 'Accounting', backupTaken: true }]);
    const found = await app.sdk.ProblemSolutions({ filter: { search: 'get-localuser', verified: true } });
    expect(found.problemSolutions.nodes.map((p) => p.id)).toEqual([logProblemSolution.id]);
  });

  it('logs a retried command once', async () => {
    const idempotencyKey = randomUUID();
    const input = { sessionId, command: 'ipconfig /all', success: true, idempotencyKey };
    const [a, b] = await Promise.all([app.sdk.LogCommand({ input }), app.sdk.LogCommand({ input })]);
    expect(a.logCommand.id).toBe(b.logCommand.id);
    expect((await app.sdk.Commands({ filter: { sessionId } })).commands.nodes.filter((c) => c.command === 'ipconfig /all')).toHaveLength(1);
  });
});
