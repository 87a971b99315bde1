import { countStatements, startTestApp, TestApp } from '../../helpers/test-app';

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

/** endSession computes the session's figures and stores a dense markdown summary. */
describe('session summary', () => {
  let app: TestApp;
  let clientId: string;
  beforeAll(async () => {
    app = await startTestApp('session_summary');
    clientId = (await app.sdk.CreateClient({ input: { name: 'Acme Dental', hourlyRateCents: 15050 } })).createClient.id;
  });
  afterAll(() => app.stop());

  const startWithWork = async (title: string, items: [string, number, boolean][]) => {
    const sessionId = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId, title, startedAt: minutesAgo(180) } })).startSession.id;
    for (const [category, minutes, billable] of items) {
      await app.sdk.LogWorkItem({ input: { sessionId, category: category as never, description: `${category} work`, minutes, billable } });
    }
    return sessionId;
  };

  it('computes time per category, billable amount at the client rate, commands, files and problems', async () => {
    const sessionId = await startWithWork('DNS outage', [
      ['TROUBLESHOOTING', 50, true],
      ['CONFIGURATION', 40, true],
      ['COMMUNICATION', 15, false],
    ]);
    await app.sdk.LogCommand({ input: { sessionId, command: 'Get-LocalUser', success: false, errorMessage: 'not recognized' } });
    await app.sdk.LogCommand({ input: { sessionId, command: 'ipconfig /flushdns', success: true } });
    await app.sdk.LogCommand({ input: { sessionId, command: 'nslookup pm-server', success: true } });
    await app.sdk.LogFileChange({ input: { sessionId, path: 'C:\\Windows\\System32\\drivers\\etc\\hosts', kind: 'MODIFIED' } });
    await app.sdk.LogProblemSolution({
      input: { sessionId, symptom: 'DNS lookups time out', solution: 'Pointed the forwarder at 1.1.1.1' },
    });
    await app.sdk.Note({ input: { sessionId, kind: 'DECISION', text: 'Keep the ISP resolver as second forwarder' } });

    const { endSession } = await app.sdk.EndSession({
      input: { sessionId, endedAt: minutesAgo(30), summary: 'Fixed DNS for the front desk.' },
    });
    expect(endSession.breakdown).toEqual({
      minutes: 105,
      billableMinutes: 90,
      billableHours: 1.5,
      rateCents: 15050,
      amountCents: 22575,
      amount: '$225.75',
      byCategory: [
        { category: 'TROUBLESHOOTING', minutes: 50, billableMinutes: 50 },
        { category: 'CONFIGURATION', minutes: 40, billableMinutes: 40 },
        { category: 'COMMUNICATION', minutes: 15, billableMinutes: 0 },
      ],
      commands: 3,
      failedCommands: 1,
      filesChanged: 1,
      problemsSolved: 1,
      notes: 1,
    });
    const summary = endSession.summary!;
    expect(summary.split('\n').slice(0, 4)).toEqual([
      '## DNS outage',
      expect.stringMatching(/^Acme Dental · MSP · \d{4}-\d\d-\d\d \d\d:\d\d–\d\d:\d\d UTC$/),
      '',
      'Fixed DNS for the front desk.',
    ]);
    expect(summary).toContain('- **Time:** 1.8 h logged — troubleshooting 0.8 h, configuration 0.7 h, communication 0.3 h');
    expect(summary).toContain('- **Billable:** 1.5 h × $150.50/h = $225.75');
    expect(summary).toContain('- **Commands:** 3 run, 1 failed (`Get-LocalUser`)');
    expect(summary).toContain('- **Files changed:** 1 — C:\\Windows\\System32\\drivers\\etc\\hosts');
    expect(summary).toContain('- **Problems solved:** 1 — DNS lookups time out → Pointed the forwarder at 1.1.1.1');
    expect(summary.split(/\s+/).length).toBeLessThan(120);
    // search finds the session by the technician's words, not by the generated facts
    const ownWords = await app.sdk.Search({ text: 'front desk', filter: { sources: ['SESSION'] } });
    expect(ownWords.search.hits.map((h) => h.id)).toEqual([sessionId]);
    expect((await app.sdk.Search({ text: 'billable failed logged', filter: { sources: ['SESSION'] } })).search.hits).toEqual([]);
  });

  it('keeps a summary written before the session ended', async () => {
    const sessionId = await startWithWork('Summarised early', [['DOCUMENTATION', 20, true]]);
    await app.sdk.UpdateSession({ input: { id: sessionId, summary: 'Wrote the runbook for the NAS.' } });
    const { endSession } = await app.sdk.EndSession({ input: { sessionId, endedAt: minutesAgo(175) } });
    expect(endSession.summary).toContain('\nWrote the runbook for the NAS.\n');
    expect(endSession.summary).toContain('- **Time:** 0.3 h logged — documentation 0.3 h');
  });

  it('rounds money once, half up, and keeps the billed rate after the client rate changes', async () => {
    const sessionId = await startWithWork('Odd minutes', [['MAINTENANCE', 7, true]]);
    const { endSession } = await app.sdk.EndSession({ input: { sessionId, endedAt: minutesAgo(170) } });
    expect(endSession.breakdown).toMatchObject({ billableMinutes: 7, amountCents: 1756, amount: '$17.56' }); // 7 × 15050 / 60 = 1755.83
    await app.sdk.MarkBilled({ input: { sessionId } });
    await app.sdk.UpdateClient({ input: { id: clientId, hourlyRateCents: 20000 } });
    const [billed] = (await app.sdk.SessionBreakdowns({ filter: { clientId, billable: true }, first: 50 })).sessions.nodes.filter(
      (s) => s.id === sessionId,
    );
    expect(billed.breakdown).toMatchObject({ rateCents: 15050, amountCents: 1756 });
    await app.sdk.UpdateClient({ input: { id: clientId, hourlyRateCents: 15050 } });
  });

  it('costs the same statements for a list of 3 or 12 sessions with their breakdowns', async () => {
    const count = async (n: number) => {
      const other = (await app.sdk.CreateClient({ input: { name: `Batch ${n}` } })).createClient.id;
      for (let i = 0; i < n; i++) {
        const sessionId = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId: other, billable: false } })).startSession.id;
        await app.sdk.LogWorkItem({ input: { sessionId, category: 'MAINTENANCE', description: 'Patching', minutes: 10 + i } });
        await app.sdk.LogCommand({ input: { sessionId, command: 'apt-get upgrade', success: i % 2 === 0 } });
      }
      let minutes = 0;
      const statements = await countStatements(app, async () => {
        const page = await app.sdk.SessionBreakdowns({ filter: { clientId: other }, first: 20 });
        minutes = page.sessions.nodes.reduce((sum, s) => sum + s.breakdown.minutes, 0);
      });
      expect(minutes).toBe(Array.from({ length: n }, (_, i) => 10 + i).reduce((a, b) => a + b, 0));
      return statements;
    };
    const few = await count(3);
    expect(await count(12)).toBe(few);
  });
});
