import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

describe('work categorisation', () => {
  let app: TestApp;
  let sessionId: string;
  beforeAll(async () => {
    app = await startTestApp('categorize_work');
    const clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth' } })).createClient.id;
    sessionId = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId } })).startSession.id;
  });
  afterAll(() => app.stop());

  it('reads category, commands, hosts, files and technologies from a work note', async () => {
    const { categorizeWork } = await app.sdk.CategorizeWork({
      text: 'Get-LocalUser failed on DC01 (Server 2008 R2, PowerShell 2.0); used `Get-WmiObject Win32_UserAccount` instead and fixed the export in C:\\Scripts\\users.ps1',
    });
    expect(categorizeWork.category).toBe('TROUBLESHOOTING');
    expect(categorizeWork.hosts).toEqual(['DC01']);
    expect(categorizeWork.technologies).toContain('PowerShell');
    expect(categorizeWork.commands).toEqual(expect.arrayContaining(['Get-LocalUser']));
    expect(categorizeWork.files).toEqual(['C:\\Scripts\\users.ps1']);
    expect(categorizeWork.tags).toContain('powershell');
    expect(categorizeWork.description.length).toBeLessThanOrEqual(160);
    expect(categorizeWork.text).toMatch(/^TROUBLESHOOTING \(\d+%\) /);
    expect((await app.sdk.CategorizeWork({ text: 'Called Sarah about the new printer quote' })).categorizeWork.category).toBe(
      'COMMUNICATION',
    );
  });

  it('categorises and tags a logged work item that names no category, and keeps a given one', async () => {
    const auto = (
      await app.sdk.LogWorkItem({
        input: {
          sessionId,
          description: 'Rotated the VPN pre-shared key on the Fortinet and enabled MFA for all admins',
          minutes: 30,
          tags: ['urgent'],
        },
      })
    ).logWorkItem;
    expect(auto.category).toBe('SECURITY');
    expect(auto.tags.map((t) => t.name)).toEqual(expect.arrayContaining(['urgent', 'vpn', 'security']));
    const given = (
      await app.sdk.LogWorkItem({ input: { sessionId, category: 'DOCUMENTATION', description: 'Rotated the VPN key', minutes: 5 } })
    ).logWorkItem;
    expect(given.category).toBe('DOCUMENTATION');
    expect(given.tags).toEqual([]);
    const many = Array.from({ length: 20 }, (_, i) => `t${i}`);
    const capped = (
      await app.sdk.LogWorkItem({
        input: { sessionId, description: 'Enabled MFA and BitLocker on the Intune laptops', minutes: 5, tags: many },
      })
    ).logWorkItem;
    expect(capped.tags.map((t) => t.name).sort()).toEqual([...many].sort());
  });

  it('refuses empty and oversized text', async () => {
    expect((await apiError(app.sdk.CategorizeWork({ text: '   ' }))).errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect((await apiError(app.sdk.CategorizeWork({ text: 'x'.repeat(20001) }))).errors[0]).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'text',
    });
  });
});
