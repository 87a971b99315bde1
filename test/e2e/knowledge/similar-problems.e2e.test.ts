import { apiError, countStatements, startTestApp, TestApp } from '../../helpers/test-app';

const NOT_RECOGNIZED = "The term 'Get-LocalUser' is not recognized as the name of a cmdlet, function, script file, or operable program.";

/** Two clients' solved problems and a learned failure pattern, written through the API. */
describe('similar problems', () => {
  let app: TestApp;
  let acme: string;
  let beta: string;
  let acmeSession: string;
  const hosts: Record<string, string> = {};
  const solutions: Record<string, string> = {};
  const clientOfSession: Record<string, string> = {};

  const startSession = async (clientId: string, title: string, tags: string[]) => {
    const id = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId, title } })).startSession.id;
    await app.sdk.TagSession({ input: { sessionId: id, tags } });
    clientOfSession[id] = clientId;
    return id;
  };
  const solve = async (
    sessionId: string,
    symptom: string,
    solution: string,
    extra: { rootCause?: string; infrastructureId?: string; verified?: boolean } = {},
  ) => (await app.sdk.LogProblemSolution({ input: { sessionId, symptom, solution, ...extra } })).logProblemSolution.id;
  const similar = async (description: string, options: { top?: number; clientId?: string } = {}) =>
    (await app.sdk.SimilarProblems({ description, ...options })).similarProblems;

  beforeAll(async () => {
    app = await startTestApp('similar_problems');
    acme = (await app.sdk.CreateClient({ input: { name: 'Acme Dental' } })).createClient.id;
    beta = (await app.sdk.CreateClient({ input: { name: 'Beta Law' } })).createClient.id;
    const record = async (clientId: string, hostname: string, kind: 'SERVER' | 'NAS', osVersion?: string) =>
      (hosts[hostname] = (
        await app.sdk.RecordInfrastructure({
          input: { clientId, hostname, kind, os: kind === 'SERVER' ? 'Windows Server' : 'ReadyNAS OS', osVersion },
        })
      ).recordInfrastructure.id);
    await record(acme, 'DC01', 'SERVER', '2008 R2');
    await record(acme, 'NAS1', 'NAS');
    await record(beta, 'FS02', 'SERVER', '2019');

    acmeSession = await startSession(acme, 'Front desk cannot reach the PM server', ['dns', 'active-directory']);
    solutions.dc01Dns = await solve(
      acmeSession,
      'DNS lookups time out on every workstation',
      'Changed the DNS forwarder on DC01 to 1.1.1.1 and flushed the cache',
      {
        rootCause: 'Forwarder pointed at the old ISP resolver',
        infrastructureId: hosts.DC01,
        verified: true,
      },
    );
    await app.sdk.LogCommand({
      input: {
        sessionId: acmeSession,
        infrastructureId: hosts.DC01,
        command: 'Get-LocalUser -Name admin',
        shell: 'powershell 2.0',
        success: false,
        errorMessage: NOT_RECOGNIZED,
      },
    });
    const backups = await startSession(acme, 'Backup failures', ['backup', 'nas']);
    await solve(
      backups,
      'Nightly backup to NAS1 fails with access denied',
      'Reset the backup service account password and granted it write access to the share on NAS1',
      { infrastructureId: hosts.NAS1 },
    );
    const mail = await startSession(acme, 'Mail client problems', ['outlook', 'm365']);
    await solve(
      mail,
      'Outlook keeps prompting for the password',
      'Cleared the cached credentials in Credential Manager and re-created the Outlook profile',
      { verified: true },
    );
    const lab = await startSession(acme, 'Lab connectivity', ['vpn', 'firewall']);
    await solve(lab, 'VPN tunnel to the lab drops every hour', 'Matched the IPsec phase 2 lifetime on both firewalls');

    const branch = await startSession(beta, 'Branch office cannot resolve intranet', ['dns', 'vpn']);
    solutions.branchDns = await solve(
      branch,
      'DNS lookups time out at the branch office over the VPN',
      'Added a conditional forwarder for the head office zone on FS02',
      { infrastructureId: hosts.FS02 },
    );
    const printing = await startSession(beta, 'Printing', ['printing']);
    await solve(printing, 'Printer on the second floor prints blank pages', 'Replaced the toner cartridge and updated the printer driver');
  });
  afterAll(() => app.stop());

  it('ranks the DNS fix on the named host first, saying why', async () => {
    const { matches } = await similar('DNS lookups time out on DC01');
    expect(matches.map((m) => m.id).slice(0, 2)).toEqual([solutions.dc01Dns, solutions.branchDns]);
    expect(matches[0]).toMatchObject({
      kind: 'PROBLEM_SOLUTION',
      host: 'DC01',
      sessionId: acmeSession,
      verified: true,
      occurrences: null,
      solution: expect.stringContaining('DNS forwarder'),
    });
    expect(matches[0].why).toEqual(['words: dns, lookups, time, out, dc01', 'technology: DNS', 'same host: DC01', 'tag: dns']);
    // every word, the technology, the host and the tag: 0.6 + 0.075 + 0.15 + 0.05
    expect(matches[0].score).toBe(0.88);
    expect(matches[1].why).not.toContain('same host: DC01');
  });

  it('lets the shared host lift a fix above a wordier one elsewhere, even for the single best match', async () => {
    const acmeGpo = await startSession(acme, 'Laptop policies', ['group-policy']);
    const onHost = await solve(acmeGpo, 'Group Policy not applying to new laptops', 'Moved the computer objects into the Workstations OU', {
      infrastructureId: hosts.DC01,
    });
    const betaGpo = await startSession(beta, 'Remote laptops', ['group-policy']);
    // more of the words, more often: the better text match
    await solve(
      betaGpo,
      'Group Policy not applying to laptops that were away for weeks',
      'Reconnected the laptops over the VPN and forced a Group Policy refresh with gpupdate',
    );
    const [best] = (await similar('Group Policy not applying to laptops on DC01', { top: 1 })).matches;
    expect(best.id).toBe(onHost);
    // "not" is a filler word: neither searched nor listed
    expect(best.why).toEqual([
      'words: group, policy, applying, laptops',
      'technology: Group Policy',
      'same host: DC01',
      'tag: group-policy',
    ]);
  });

  it('finds the learned failure pattern with its alternative', async () => {
    const [first] = (await similar('Get-LocalUser is not recognized on the 2008 server')).matches;
    expect(first).toMatchObject({
      kind: 'FAILURE_PATTERN',
      verified: false,
      host: null,
      sessionId: null,
      occurrences: 1,
      symptom: 'get-localuser fails (COMPATIBILITY)',
    }); // patterns are shared: no command line, no error text
    expect(first.solution).toContain('Get-WmiObject -Class Win32_UserAccount');
    expect(first.why[0]).toMatch(/^words: .*localuser/);
  });

  it('returns the top N, scores between 0 and 1, best first', async () => {
    // two solutions hold its words: words are no longer found by their first letters ("out" found "Outlook")
    expect((await similar('DNS lookups time out on DC01')).matches).toHaveLength(2);
    expect((await similar('DNS lookups time out on DC01 or the VPN')).matches).toHaveLength(3);
    expect((await similar('DNS lookups time out on DC01', { top: 1 })).matches.map((m) => m.id)).toEqual([solutions.dc01Dns]);
    const { matches } = await similar('backup password printer VPN DNS forwarder', { top: 10 });
    expect(matches.length).toBeGreaterThanOrEqual(6);
    expect(matches.every((m) => m.score >= 0 && m.score <= 1)).toBe(true);
    expect(matches.map((m) => m.score)).toEqual([...matches.map((m) => m.score)].sort((a, b) => b - a));
    expect(await similar('kerberos tickets expire')).toEqual({
      matches: [],
      text: 'No similar problems on record for "kerberos tickets expire".',
    });
  });

  it('renders one pasteable line per match', async () => {
    const { matches, text } = await similar('DNS lookups time out on DC01', { top: 2 });
    const lines = text.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      `1. (${matches[0].score.toFixed(2)}) DNS lookups time out on every workstation → Changed the DNS forwarder on DC01 to 1.1.1.1 and flushed the cache [words: dns, lookups, time, out, dc01; technology: DNS; same host: DC01; tag: dns]`,
    );
    expect(lines[1]).toMatch(/^2\. \(0\.\d\d\) DNS lookups time out at the branch office/);
  });

  it('puts a verified fix before an unconfirmed one that matches as well', async () => {
    const session = await startSession(beta, 'Scanner trouble', ['scanning']);
    const unconfirmed = await solve(session, 'Scan to folder stopped with an SMB signing error', 'Enabled SMB2 on the copier');
    const verified = await solve(session, 'Scan to folder stopped with an SMB signing error', 'Enabled SMB2 on the copier', {
      verified: true,
    });
    const { matches } = await similar('scan to folder SMB signing error', { top: 2 });
    expect(matches.map((m) => [m.id, m.score])).toEqual([
      [verified, matches[1].score],
      [unconfirmed, matches[1].score],
    ]);
  });

  it('rejects a top above 10, a description without usable words and one over 2000 characters', async () => {
    expect((await apiError(similar('DNS lookups', { top: 11 }))).errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'top' });
    expect((await apiError(similar('is it on or to be'))).errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
    expect((await apiError(similar(`DNS ${'x'.repeat(2000)}`))).errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'description' });
  });

  it("narrows problem solutions to a client's own but keeps the shared failure patterns", async () => {
    const description = 'Get-LocalUser fails, DNS lookups time out on DC01';
    const everyone = (await similar(description, { top: 10 })).matches;
    expect(everyone.map((m) => m.id)).toContain(solutions.dc01Dns);
    const { matches } = await similar(description, { top: 10, clientId: beta });
    const solved = matches.filter((m) => m.kind === 'PROBLEM_SOLUTION');
    expect(solved.map((m) => m.id)).toContain(solutions.branchDns);
    expect(solved.every((m) => clientOfSession[m.sessionId!] === beta)).toBe(true);
    expect(matches.filter((m) => m.kind === 'FAILURE_PATTERN').map((m) => m.symptom)).toEqual(['get-localuser fails (COMPATIBILITY)']);
  });

  it('lets an agent token ask only with its own client', async () => {
    const agent = await app.agentFor(acmeSession, ['READ']);
    const own = (await agent.SimilarProblems({ description: 'DNS lookups time out on DC01', clientId: acme })).similarProblems;
    expect(own.matches[0].id).toBe(solutions.dc01Dns);
    expect(own.matches.map((m) => m.id)).not.toContain(solutions.branchDns);
    expect((await apiError(agent.SimilarProblems({ description: 'DNS lookups time out' }))).code).toBe('FORBIDDEN');
    expect((await apiError(agent.SimilarProblems({ description: 'DNS lookups time out', clientId: beta }))).code).toBe('FORBIDDEN');
  });

  it('costs the same number of SQL statements for 3 or 12 matching solutions', async () => {
    const spoolerFix = async (n: number) => {
      const session = await startSession(n % 2 ? acme : beta, `Print queue ${n}`, ['printing', `queue-${n}`]);
      await solve(
        session,
        `Print spooler crashes when queue ${n} receives a PDF`,
        'Removed the stale driver package and restarted the spooler',
      );
      return session;
    };
    // both ways of asking: everyone's solutions, and one client's plus the shared patterns
    const ask = async () => [
      (await similar('spooler crashes restart', { top: 10 })).matches,
      (await similar('spooler crashes restart', { top: 10, clientId: beta })).matches,
    ];
    const first = await spoolerFix(1);
    await app.sdk.LogCommand({
      input: {
        sessionId: first,
        command: 'Restart-Service Spooler',
        success: false,
        errorMessage: "Cannot stop service 'Print Spooler' because it has dependent services.",
      },
    });
    for (let n = 2; n <= 3; n++) await spoolerFix(n);
    expect((await ask()).map((matches) => matches.length)).toEqual([4, 2]); // 3 solutions + the pattern; beta's 1 + the pattern
    const few = await countStatements(app, ask);
    for (let n = 4; n <= 12; n++) await spoolerFix(n);
    expect((await ask()).map((matches) => matches.length)).toEqual([10, 7]);
    const many = await countStatements(app, ask);
    expect(many).toBe(few);
    // per ranking 4 (term counts, best documents, their terms, the documents): 7 without a client (+ solutions with hosts, tags,
    // patterns), 12 with one (the client checked, patterns ranked apart)
    expect(few).toBe(19);
  });
});
