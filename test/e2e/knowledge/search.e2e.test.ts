import { SearchDocument, SearchSource } from '../../../entities/search-document.entity';
import { reindexAllDocuments } from '../../../src/knowledge/term-index';
import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

/** A small corpus written through the API; the same ranking is expected on every database. */
describe('search', () => {
  let app: TestApp;
  let acme: string;
  let other: string;
  let msp: string;
  let dnsSolution: string;
  let dnsCommand: string;
  let normal: string;
  let learning: string;
  beforeAll(async () => {
    app = await startTestApp('search');
    acme = (await app.sdk.CreateClient({ input: { name: 'Acme Dental' } })).createClient.id;
    other = (await app.sdk.CreateClient({ input: { name: 'Other Corp' } })).createClient.id;
    msp = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId: acme, title: 'DNS outage at the front desk' } })).startSession.id;
    await app.sdk.LogWorkItem({
      input: {
        sessionId: msp,
        category: 'TROUBLESHOOTING',
        description: 'Front desk PCs could not resolve the practice management server',
        minutes: 30,
      },
    });
    dnsSolution = (
      await app.sdk.LogProblemSolution({
        input: {
          sessionId: msp,
          symptom: 'DNS lookups time out on every workstation',
          rootCause: 'Forwarder pointed at the old ISP resolver',
          solution: 'Changed the DNS forwarder on DC01 to 1.1.1.1 and flushed the cache',
        },
      })
    ).logProblemSolution.id;
    dnsCommand = (
      await app.sdk.LogCommand({
        input: {
          sessionId: msp,
          command: 'Resolve-DnsName pm-server.acme.local',
          success: false,
          errorMessage: 'DNS name does not exist: timeout',
        },
      })
    ).logCommand.id;
    await app.sdk.LogCommand({ input: { sessionId: msp, command: 'ipconfig /flushdns', success: true } });
    const otherSession = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId: other, title: 'Printer driver rollout' } }))
      .startSession.id;
    await app.sdk.LogWorkItem({
      input: {
        sessionId: otherSession,
        category: 'MAINTENANCE',
        description: 'Rolled out the new printer driver; one DNS record for the printer was stale',
        minutes: 45,
      },
    });
    normal = (await app.sdk.StartSession({ input: { mode: 'NORMAL', title: 'Reading on resolvers' } })).startSession.id;
    learning = (
      await app.sdk.Note({
        input: {
          sessionId: normal,
          kind: 'LEARNING',
          text: 'Conditional DNS forwarders beat a single upstream resolver when a site has a VPN to head office',
        },
      })
    ).note.id;
    await app.sdk.Note({ input: { sessionId: normal, kind: 'DECISION', text: 'Standardise on Unbound for branch-office caching' } });
  });
  afterAll(() => app.stop());

  it('ranks records holding every word first, across kinds, with highlighted snippets', async () => {
    const { search } = await app.sdk.Search({ text: 'DNS forwarder', first: 10 });
    expect(search.terms).toEqual(['dns', 'forwarder']);
    // both words (forwarder, forwarders) in the problem solution and the learning; DNS alone elsewhere
    expect(search.hits.slice(0, 2).map((h) => [h.source, h.id])).toEqual([
      ['PROBLEM_SOLUTION', dnsSolution],
      ['NOTE', learning],
    ]);
    expect(search.hits.slice(2).every((h) => h.matchedTerms.join() === 'dns')).toBe(true);
    // the failed Resolve-DnsName also became a failure pattern; "resolver" and "resolve" are the DNS concept of the vocabulary
    expect(search.matched).toBe(8);
    expect(search.hits[0].snippet).toContain('**DNS** **forwarder**');
    expect(search.hits[0].score).toBeGreaterThan(search.hits[2].score);
    expect(search.text.split('\n')[0]).toBe('8 match(es) for "dns forwarder"');
    expect(search.text).toContain(`[PROBLEM_SOLUTION ${dnsSolution}] DNS lookups time out`);
  });

  it('narrows by client, session mode and kind of record', async () => {
    const byClient = await app.sdk.Search({ text: 'dns', filter: { clientId: other } });
    expect(byClient.search.hits.map((h) => h.source)).toEqual(['WORK_ITEM']);
    const knowledge = await app.sdk.Search({ text: 'resolver', filter: { mode: 'NORMAL' } });
    expect(knowledge.search.hits.map((h) => [h.source, h.sessionId])).toEqual([
      ['SESSION', normal],
      ['NOTE', normal],
    ]);
    const commands = await app.sdk.Search({ text: 'timeout', filter: { sources: ['COMMAND'] } });
    expect(commands.search.hits.map((h) => h.id)).toEqual([dnsCommand]);
    const later = await app.sdk.Search({ text: 'dns', filter: { from: new Date(Date.now() + 60_000).toISOString() } });
    expect(later.search.hits).toEqual([]);
  });

  it('finds stems and two-letter terms, and reports the words it could not search for', async () => {
    // "standardising" and "Standardise" share a stem; VM is a two-letter term nobody wrote here
    const { search } = await app.sdk.Search({ text: 'Is the VM standardising', first: 5 });
    expect(search.terms).toEqual(['vm', 'standardising']);
    expect(search.ignoredTerms).toEqual(['is', 'the']);
    expect(search.hits.map((h) => h.source)).toEqual(['NOTE']);
    // filler words are not indexed, and no word is found by a prefix of it
    await app.sdk.Note({ input: { sessionId: msp, kind: 'FINDING', text: 'Checked with the ISP' } });
    expect((await app.sdk.Search({ text: 'wit' })).search.matched).toBe(0);
    const error = await apiError(app.sdk.Search({ text: 'to be or is it', first: 5 }));
    expect(error.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect((await apiError(app.sdk.Search({ text: 'dns', first: 51 }))).errors[0]).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    expect((await apiError(app.sdk.Search({ text: 'dns', filter: { clientId: '999999' } }))).errors[0]).toMatchObject({
      code: 'NOT_FOUND',
      field: 'filter.clientId',
    });
  });

  it('follows edits: a new summary is found, the words it replaced are not', async () => {
    await app.sdk.UpdateSession({ input: { id: msp, summary: 'Replaced the forwarder; kerberos tickets fine afterwards' } });
    expect((await app.sdk.Search({ text: 'kerberos' })).search.hits.map((h) => [h.source, h.id])).toEqual([['SESSION', msp]]);
    await app.sdk.UpdateSession({ input: { id: msp, summary: 'Replaced the forwarder' } });
    expect((await app.sdk.Search({ text: 'kerberos' })).search.hits).toEqual([]);
  });

  it('lets an agent token search its own client only', async () => {
    const agent = await app.agentFor(msp, ['READ', 'WRITE']);
    expect((await agent.Search({ text: 'dns', filter: { clientId: acme } })).search.hits.every((h) => h.clientId === acme)).toBe(true);
    expect((await apiError(agent.Search({ text: 'dns' }))).code).toBe('FORBIDDEN');
    expect((await apiError(agent.Search({ text: 'dns', filter: { clientId: other } }))).code).toBe('FORBIDDEN');
    // the NORMAL-mode knowledge base belongs to no client: every agent may search it
    expect((await agent.Search({ text: 'resolver', filter: { mode: 'NORMAL' } })).search.hits.every((h) => h.sessionId === normal)).toBe(
      true,
    );
    expect((await apiError(agent.Search({ text: 'dns', filter: { mode: 'MSP' } }))).code).toBe('FORBIDDEN');
    const note = await agent.Note({
      input: { sessionId: msp, kind: 'FINDING', text: 'The old ISP resolver answers slowly from this site' },
    });
    expect(note.note.session?.id).toBe(msp);
    expect((await apiError(agent.Note({ input: { sessionId: normal, kind: 'FINDING', text: 'x' } }))).code).toBe('FORBIDDEN');
  });

  it('ranks every match, the best first whatever its age, the same way on every database', async () => {
    const at = (day: number) => new Date(Date.UTC(2020, 0, 1) + day * 86_400_000);
    const document = (sourceId: number, day: number, body: string) => ({
      source: SearchSource.NOTE,
      sourceId,
      clientId: null,
      sessionId: null,
      mode: null,
      occurredAt: at(day),
      title: '',
      body,
    });
    const rows = [document(900_000, -1000, 'plotter plotter plotter plotter plotter: the oldest and best match')];
    for (let i = 1; i <= 519; i++) rows.push(document(900_000 + i, i, `plotter check ${i}`));
    rows.push(document(901_000, 600, 'plotter jam, plotter reset, plotter driver'));
    // written straight into the index, as the migration's backfill would: documents, then their terms
    for (let i = 0; i < rows.length; i += 100) await app.db.manager.insert(SearchDocument, rows.slice(i, i + 100));
    await reindexAllDocuments(app.db.manager);
    const { search } = await app.sdk.Search({ text: 'plotter', first: 3 });
    expect(search.matched).toBe(521);
    expect(search.text.split('\n')[0]).toBe('521 match(es) for "plotter", top 3');
    // most occurrences first; then the shortest of the rest ("plotter check 9" holds no term but two), newest first
    expect(search.hits.map((h) => h.id)).toEqual(['900000', '901000', '900009']);
  });
});
