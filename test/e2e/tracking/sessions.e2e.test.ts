import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

describe('sessions and work items', () => {
  let app: TestApp;
  let clientId: string;
  let projectId: string;
  let otherProjectId: string;

  beforeAll(async () => {
    app = await startTestApp('sessions');
    clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth', hourlyRateCents: 15_000 } })).createClient.id;
    projectId = (await app.sdk.CreateProject({ input: { clientId, name: 'Server migration' } })).createProject.id;
    const other = (await app.sdk.CreateClient({ input: { name: 'Other' } })).createClient.id;
    otherProjectId = (await app.sdk.CreateProject({ input: { clientId: other, name: 'Elsewhere' } })).createProject.id;
  });
  afterAll(() => app.stop());

  it('defaults billable by mode: MSP billable, DEV and NORMAL not', async () => {
    const msp = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId } })).startSession;
    const dev = (await app.sdk.StartSession({ input: { mode: 'DEV', projectId } })).startSession;
    const normal = (await app.sdk.StartSession({ input: { mode: 'NORMAL', title: 'Reading about IPv6' } })).startSession;
    expect([msp.billable, dev.billable, normal.billable]).toEqual([true, false, false]);
    expect(dev.client?.name).toBe('Dataforth'); // a DEV session belongs to its project's client
    expect(normal.client).toBeNull();
    const override = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId, billable: false } })).startSession;
    expect(override.billable).toBe(false);
  });

  it.each([
    ['MSP without a client', { mode: 'MSP' as const }, 'clientId'],
    ['DEV without a project', { mode: 'DEV' as const }, 'projectId'],
    ['NORMAL with a client', { mode: 'NORMAL' as const, clientId: '1' }, 'clientId'],
    ['a project of another client', { mode: 'MSP' as const, clientId: '1', projectId: 'OTHER' }, 'projectId'],
    ['a start in the future', { mode: 'NORMAL' as const, startedAt: new Date(Date.now() + 3_600_000).toISOString() }, 'startedAt'],
  ])('refuses %s with BAD_USER_INPUT on the field', async (_case, input, field) => {
    const resolved = { ...input, ...('projectId' in input ? { projectId: otherProjectId } : {}) };
    const error = await apiError(app.sdk.StartSession({ input: resolved }));
    expect(error.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses unknown client, project and machine ids with NOT_FOUND on the field', async () => {
    expect((await apiError(app.sdk.StartSession({ input: { mode: 'MSP', clientId: '9999' } }))).errors[0]).toMatchObject({
      code: 'NOT_FOUND',
      field: 'clientId',
    });
    expect((await apiError(app.sdk.StartSession({ input: { mode: 'DEV', projectId: '9999' } }))).errors[0]).toMatchObject({
      code: 'NOT_FOUND',
      field: 'projectId',
    });
    expect((await apiError(app.sdk.StartSession({ input: { mode: 'NORMAL', machineId: '9999' } }))).errors[0]).toMatchObject({
      code: 'NOT_FOUND',
      field: 'machineId',
    });
    expect((await apiError(app.sdk.StartSession({ input: { mode: 'BOGUS' as never } }))).code).toBe('BAD_USER_INPUT');
  });

  it('records work logged after the fact: start and end in the past, with the duration', async () => {
    const started = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId, startedAt: minutesAgo(95) } })).startSession;
    expect(started.endedAt).toBeNull();
    expect(started.durationMinutes).toBeNull();
    const ended = (
      await app.sdk.EndSession({ input: { sessionId: started.id, endedAt: minutesAgo(5), summary: 'Replaced the UPS battery.' } })
    ).endSession;
    expect(ended.durationMinutes).toBe(90);
    expect(ended.summary).toContain('\nReplaced the UPS battery.\n');
  });

  it('refuses to end a session before it started, in the future, or twice', async () => {
    const s = (await app.sdk.StartSession({ input: { mode: 'NORMAL', startedAt: minutesAgo(30) } })).startSession;
    expect((await apiError(app.sdk.EndSession({ input: { sessionId: s.id, endedAt: minutesAgo(60) } }))).errors[0]).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'endedAt',
    });
    expect(
      (await apiError(app.sdk.EndSession({ input: { sessionId: s.id, endedAt: new Date(Date.now() + 600_000).toISOString() } }))).code,
    ).toBe('BAD_USER_INPUT');
    expect((await app.sdk.Session({ id: s.id })).session?.endedAt).toBeNull(); // refused writes changed nothing
    await app.sdk.EndSession({ input: { sessionId: s.id } });
    expect((await apiError(app.sdk.EndSession({ input: { sessionId: s.id } }))).code).toBe('CONFLICT');
    expect((await apiError(app.sdk.EndSession({ input: { sessionId: '9999' } }))).code).toBe('NOT_FOUND');
  });

  it('logs work items with the session billable flag by default, tags normalised, in order', async () => {
    const s = (await app.sdk.StartSession({ input: { mode: 'DEV', projectId } })).startSession;
    const first = (
      await app.sdk.LogWorkItem({
        input: {
          sessionId: s.id,
          category: 'DEVELOPMENT',
          description: 'Wrote the backup script',
          minutes: 45,
          tags: ['PowerShell', ' backup  jobs '],
        },
      })
    ).logWorkItem;
    expect(first.billable).toBe(false);
    expect(first.tags.map((t) => t.name)).toEqual(['backup-jobs', 'powershell']);
    await app.sdk.LogWorkItem({
      input: { sessionId: s.id, category: 'DOCUMENTATION', description: 'Documented it', minutes: 15, billable: true },
    });
    const { session } = await app.sdk.Session({ id: s.id });
    expect(session?.workItems.totalCount).toBe(2);
    expect(session?.workItems.nodes.map((w) => [w.description, w.minutes, w.billable])).toEqual([
      ['Wrote the backup script', 45, false],
      ['Documented it', 15, true],
    ]);
  });

  it.each([
    ['zero minutes', { minutes: 0 }, 'minutes'],
    ['more than a day', { minutes: 1441 }, 'minutes'],
    ['a description over 2000 characters', { description: 'x'.repeat(2001) }, 'description'],
    ['a tag with a slash', { tags: ['a/b'] }, 'tags'],
    ['an unknown session', { sessionId: '9999' }, 'sessionId'],
  ])('refuses a work item with %s and stores nothing', async (_case, change, field) => {
    const s = (await app.sdk.StartSession({ input: { mode: 'NORMAL' } })).startSession;
    const input = { sessionId: s.id, category: 'RESEARCH' as const, description: 'Looked things up', minutes: 10, ...change };
    const error = await apiError(app.sdk.LogWorkItem({ input }));
    expect(error.errors[0].field).toBe(field);
    expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(error.code);
    expect((await app.sdk.Session({ id: s.id })).session?.workItems.totalCount).toBe(0);
  });

  it('tags a session once per tag, however often it is asked', async () => {
    const s = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId } })).startSession;
    await app.sdk.TagSession({ input: { sessionId: s.id, tags: ['vpn', 'm365'] } });
    const { tagSession } = await app.sdk.TagSession({ input: { sessionId: s.id, tags: ['VPN', 'firewall'] } });
    expect(tagSession.tags.map((t) => t.name)).toEqual(['firewall', 'm365', 'vpn']);
    expect((await apiError(app.sdk.TagSession({ input: { sessionId: s.id, tags: [] } }))).code).toBe('BAD_USER_INPUT');
  });

  it('filters sessions by a UTC date range that crosses midnight, and by mode, client and open state', async () => {
    const times = ['2026-02-10T23:30:00Z', '2026-02-11T00:30:00Z', '2026-02-11T23:59:59.999Z', '2026-02-12T00:00:00Z'];
    const ids: string[] = [];
    for (const startedAt of times)
      ids.push((await app.sdk.StartSession({ input: { mode: 'MSP', clientId, startedAt, title: 'range' } })).startSession.id);
    const { sessions } = await app.sdk.Sessions({
      first: 100,
      filter: { startedFrom: '2026-02-10T23:00:00Z', startedBefore: '2026-02-12T00:00:00Z' },
    });
    expect(sessions.edges.map((e) => e.node.id)).toEqual([ids[2], ids[1], ids[0]]);
    const ascending = await app.sdk.Sessions({
      first: 2,
      orderBy: 'STARTED_AT_ASC',
      filter: { startedFrom: '2026-02-10T00:00:00Z', startedBefore: '2026-02-13T00:00:00Z' },
    });
    expect(ascending.sessions.edges.map((e) => e.node.id)).toEqual([ids[0], ids[1]]);
    expect(ascending.sessions.totalCount).toBe(4);
    const rest = await app.sdk.Sessions({
      first: 10,
      orderBy: 'STARTED_AT_ASC',
      after: ascending.sessions.pageInfo.endCursor,
      filter: { startedFrom: '2026-02-10T00:00:00Z', startedBefore: '2026-02-13T00:00:00Z' },
    });
    expect(rest.sessions.edges.map((e) => e.node.id)).toEqual([ids[2], ids[3]]);

    const dev = await app.sdk.Sessions({ first: 100, filter: { mode: 'DEV' } });
    expect(dev.sessions.edges.length).toBeGreaterThan(0);
    expect(dev.sessions.edges.every((e) => e.node.mode === 'DEV')).toBe(true);
    const open = await app.sdk.Sessions({ first: 100, filter: { open: true, clientId } });
    expect(open.sessions.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining(ids));
    expect(open.sessions.edges.every((e) => e.node.endedAt === null && e.node.client?.id === clientId)).toBe(true);
  });

  it('refuses an empty range and a session that ends the moment it starts', async () => {
    const range = await apiError(
      app.sdk.Sessions({ filter: { startedFrom: '2026-02-12T00:00:00Z', startedBefore: '2026-02-11T00:00:00Z' } }),
    );
    expect(range.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.startedBefore' });
    const startedAt = minutesAgo(10);
    const s = (await app.sdk.StartSession({ input: { mode: 'NORMAL', startedAt } })).startSession;
    expect((await apiError(app.sdk.EndSession({ input: { sessionId: s.id, endedAt: startedAt } }))).errors[0].field).toBe('endedAt');
  });

  it("pages each client's sessions separately when several clients are asked for at once", async () => {
    const a = (await app.sdk.CreateClient({ input: { name: 'Paging A' } })).createClient.id;
    const b = (await app.sdk.CreateClient({ input: { name: 'Paging B' } })).createClient.id;
    const started: Record<string, string[]> = { [a]: [], [b]: [] };
    for (let i = 0; i < 5; i++) {
      for (const id of [a, b]) {
        const startedAt = new Date(Date.UTC(2026, 0, 10 + i, 8)).toISOString();
        started[id].unshift((await app.sdk.StartSession({ input: { mode: 'MSP', clientId: id, startedAt } })).startSession.id);
      }
    }
    for (const id of [a, b]) {
      const first = (await app.sdk.ClientSessions({ clientId: id, first: 2 })).client!.sessions;
      expect(first.totalCount).toBe(5);
      const rest = (await app.sdk.ClientSessions({ clientId: id, first: 10, after: first.pageInfo.endCursor })).client!.sessions;
      expect([...first.nodes, ...rest.nodes].map((s) => s.id)).toEqual(started[id]);
      expect(rest.pageInfo.hasNextPage).toBe(false);
    }
  });

  it('refuses billable time for a client that overlaps other billable time from the same machine', async () => {
    const machineId = (
      await app.sdk.RegisterMachine({ input: { hostname: 'OVERLAP', username: 'u', platform: 'LINUX', homeDirectory: '/home/u' } })
    ).registerMachine.machine.id;
    const first = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId, machineId, startedAt: minutesAgo(120) } })).startSession;
    await app.sdk.EndSession({ input: { sessionId: first.id, endedAt: minutesAgo(60) } });
    const overlapping = await apiError(app.sdk.StartSession({ input: { mode: 'MSP', clientId, machineId, startedAt: minutesAgo(90) } }));
    expect(overlapping.errors[0]).toMatchObject({ code: 'CONFLICT', field: 'startedAt' });
    expect(overlapping.message).toContain(`session ${first.id}`);
    // non-billable, or right after it: fine
    await app.sdk.StartSession({ input: { mode: 'MSP', clientId, machineId, startedAt: minutesAgo(90), billable: false } });
    const next = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId, machineId, startedAt: minutesAgo(60) } })).startSession;
    const stretched = await apiError(app.sdk.UpdateSession({ input: { id: first.id, endedAt: minutesAgo(30) } }));
    expect(stretched.errors[0]).toMatchObject({ code: 'CONFLICT', field: 'endedAt' });
    expect((await app.sdk.Session({ id: next.id })).session?.endedAt).toBeNull();
  });

  it('pages sessions with identical start times without losing or repeating any', async () => {
    const startedAt = '2026-01-05T09:00:00Z';
    const ids = new Set<string>();
    for (let i = 0; i < 7; i++) ids.add((await app.sdk.StartSession({ input: { mode: 'NORMAL', startedAt } })).startSession.id);
    const seen: string[] = [];
    let after: string | null | undefined = null;
    do {
      const page: Awaited<ReturnType<typeof app.sdk.Sessions>> = await app.sdk.Sessions({
        first: 3,
        after,
        filter: { startedFrom: startedAt, startedBefore: '2026-01-05T09:00:01Z' },
      });
      seen.push(...page.sessions.edges.map((e) => e.node.id));
      after = page.sessions.pageInfo.hasNextPage ? page.sessions.pageInfo.endCursor : null;
    } while (after);
    expect(seen.sort()).toEqual([...ids].sort());
  });
});
