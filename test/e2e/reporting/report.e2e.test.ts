import { ReportFilter, ReportGrouping, ReportQuery, WorkCategory } from '../../../sdk';
import { UserRole } from '../../../entities/user.entity';
import { apiError, countStatements, startTestApp, TestApp } from '../../helpers/test-app';

type Figures = ReportQuery['report']['total'];
type Group = ReportQuery['report']['groups'][number];
type Key = Group['key'];

/** A session the test writes through the API: [category, minutes, billable (default: the session's flag)]. */
interface Planned {
  client?: 'Acme' | 'Dataforth';
  project?: 'Intranet' | 'Backup' | 'Firewall';
  machine?: 'alpha-ws' | 'bravo-mac';
  mode?: 'MSP' | 'DEV' | 'NORMAL';
  start: string;
  end: string;
  items: [WorkCategory, number, boolean?][];
  // filled in as the test writes and bills
  id?: string;
  billedRate?: number;
  /** Logged by the second technician rather than the admin. */
  byTech?: boolean;
}

const ACME_RATE = 12_500; // 208.33 cents a minute: amounts need rounding
const ACME_NEW_RATE = 15_050;
const DATAFORTH_RATE = 9_999;

/** Three months (Aug to Oct 2026), two month boundaries crossed at UTC midnight, mixed categories. */
const plan: Planned[] = [
  /* 0 */ {
    client: 'Acme',
    project: 'Intranet',
    machine: 'alpha-ws',
    start: '2026-08-03T09:00:00.000Z',
    end: '2026-08-03T11:00:00.000Z',
    items: [
      ['TROUBLESHOOTING', 90],
      ['COMMUNICATION', 20, false],
    ],
  },
  /* 1 */ {
    client: 'Acme',
    project: 'Intranet',
    machine: 'bravo-mac',
    start: '2026-08-05T13:00:00.000Z',
    end: '2026-08-05T14:00:00.000Z',
    items: [['CONFIGURATION', 45]],
  },
  /* 2 */ {
    client: 'Acme',
    project: 'Backup',
    machine: 'alpha-ws',
    start: '2026-08-12T08:00:00.000Z',
    end: '2026-08-12T09:30:00.000Z',
    items: [
      ['MAINTENANCE', 60],
      ['DOCUMENTATION', 25],
    ],
  },
  /* 3 */ { client: 'Acme', start: '2026-08-20T10:00:00.000Z', end: '2026-08-20T10:40:00.000Z', items: [['COMMUNICATION', 35]] },
  /* 4 */ {
    client: 'Acme',
    project: 'Intranet',
    machine: 'alpha-ws',
    start: '2026-08-31T23:30:00.000Z',
    end: '2026-09-01T00:50:00.000Z',
    items: [['TROUBLESHOOTING', 70]],
  },
  /* 5 */ {
    client: 'Acme',
    project: 'Backup',
    machine: 'bravo-mac',
    start: '2026-09-01T00:00:00.000Z',
    end: '2026-09-01T01:00:00.000Z',
    items: [['MAINTENANCE', 55]],
  },
  /* 6 */ {
    client: 'Acme',
    project: 'Intranet',
    machine: 'bravo-mac',
    start: '2026-09-08T09:00:00.000Z',
    end: '2026-09-08T12:00:00.000Z',
    items: [
      ['DEVELOPMENT', 121],
      ['TROUBLESHOOTING', 40, false],
    ],
  },
  /* 7 */ {
    client: 'Acme',
    machine: 'alpha-ws',
    start: '2026-09-15T14:00:00.000Z',
    end: '2026-09-15T15:00:00.000Z',
    items: [['SECURITY', 50]],
  },
  /* 8 */ {
    client: 'Acme',
    project: 'Backup',
    machine: 'alpha-ws',
    start: '2026-09-30T23:59:59.999Z',
    end: '2026-10-01T01:00:00.000Z',
    items: [['MAINTENANCE', 61]],
  },
  /* 9 */ {
    client: 'Acme',
    project: 'Intranet',
    machine: 'bravo-mac',
    start: '2026-10-01T00:00:00.000Z',
    end: '2026-10-01T00:30:00.000Z',
    items: [['TROUBLESHOOTING', 25]],
  },
  /* 10 */ {
    client: 'Acme',
    project: 'Intranet',
    machine: 'alpha-ws',
    start: '2026-10-14T09:00:00.000Z',
    end: '2026-10-14T10:00:00.000Z',
    items: [],
  },
  /* 11 */ {
    client: 'Acme',
    project: 'Backup',
    start: '2026-10-20T09:00:00.000Z',
    end: '2026-10-20T09:20:00.000Z',
    items: [['DOCUMENTATION', 15]],
  },
  /* 12 */ {
    client: 'Dataforth',
    project: 'Firewall',
    machine: 'alpha-ws',
    start: '2026-08-04T10:00:00.000Z',
    end: '2026-08-04T12:00:00.000Z',
    items: [
      ['SECURITY', 100],
      ['CONFIGURATION', 17],
      ['COMMUNICATION', 10],
    ],
  },
  /* 13 */ {
    client: 'Dataforth',
    project: 'Firewall',
    machine: 'bravo-mac',
    start: '2026-08-18T15:00:00.000Z',
    end: '2026-08-18T16:00:00.000Z',
    items: [['CONFIGURATION', 50]],
  },
  /* 14 */ {
    client: 'Dataforth',
    machine: 'alpha-ws',
    start: '2026-09-02T08:00:00.000Z',
    end: '2026-09-02T09:00:00.000Z',
    items: [
      ['TROUBLESHOOTING', 33],
      ['RESEARCH', 10, false],
    ],
  },
  /* 15 */ {
    mode: 'DEV',
    project: 'Firewall',
    machine: 'alpha-ws',
    start: '2026-09-10T10:00:00.000Z',
    end: '2026-09-10T12:00:00.000Z',
    items: [['DEVELOPMENT', 90]],
  },
  /* 16 */ {
    client: 'Dataforth',
    machine: 'bravo-mac',
    start: '2026-09-25T11:00:00.000Z',
    end: '2026-09-25T11:30:00.000Z',
    items: [['COMMUNICATION', 7]],
  },
  /* 17 */ {
    client: 'Dataforth',
    project: 'Firewall',
    start: '2026-10-06T09:00:00.000Z',
    end: '2026-10-06T10:00:00.000Z',
    items: [['SECURITY', 45]],
  },
  /* 18 */ {
    mode: 'NORMAL',
    machine: 'alpha-ws',
    start: '2026-08-25T20:00:00.000Z',
    end: '2026-08-25T21:00:00.000Z',
    items: [['RESEARCH', 30]],
  },
  /* 19 */ { mode: 'NORMAL', start: '2026-10-11T20:00:00.000Z', end: '2026-10-11T20:30:00.000Z', items: [['RESEARCH', 20]] },
];
const PROJECT_CLIENT = { Intranet: 'Acme', Backup: 'Acme', Firewall: 'Dataforth' } as const;
// every third session is logged by a second technician
plan.forEach((s, i) => (s.byTech = i % 3 === 0));
/** The rates now (after the test's rate changes): unbilled work is valued at these. */
const CURRENT_RATE: Record<string, number> = { Acme: ACME_NEW_RATE, Dataforth: 20_000 };
const usd = (cents: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
/** One invoice line: minutes at cents per hour, to whole cents, half up (x.5 is exact in floating point). */
const line = (minutes: number, rate: number) => Math.round((minutes * rate) / 60);

const FROM = '2026-08-01T00:00:00.000Z';
const TO = '2026-11-01T00:00:00.000Z';

// ------------------------------------------------------------------ the expected answer, from the plan alone

const clientOf = (s: Planned) => s.client ?? (s.project ? PROJECT_CLIENT[s.project] : undefined);
const billableSession = (s: Planned) => (s.mode ?? 'MSP') === 'MSP';

function expectedFigures(sessions: Planned[], itemFilter: (s: Planned, item: Planned['items'][number]) => boolean = () => true): Figures {
  let minutes = 0;
  let billableMinutes = 0;
  let value = 0;
  let billed = 0;
  for (const s of sessions) {
    for (const item of s.items.filter((i) => itemFilter(s, i))) {
      const [, m, flag] = item;
      minutes += m;
      if (flag ?? billableSession(s)) {
        billableMinutes += m;
        // the default labor type bills what was logged; billed lines at their billed rate, the rest at today's
        const client = clientOf(s);
        const amount = line(m, s.billedRate ?? (client ? CURRENT_RATE[client] : 0));
        value += amount;
        if (s.billedRate != null) billed += amount;
      }
    }
  }
  const hours = (m: number) => Math.round((m / 60) * 100) / 100;
  return {
    sessions: sessions.length,
    hours: hours(minutes),
    minutes,
    actualBillableMinutes: billableMinutes,
    actualBillableHours: hours(billableMinutes),
    billableMinutes,
    billableHours: hours(billableMinutes),
    billableValueCents: value,
    billableValue: usd(value),
    amountBilledCents: billed,
    billedAmount: usd(billed),
    unbilledCents: value - billed,
    unbilledAmount: usd(value - billed),
    prepaidHours: 0,
    overageHours: hours(billableMinutes),
    overageCents: value,
    overageAmount: usd(value),
  };
}

interface Ids {
  clients: Record<string, string>;
  projects: Record<string, string>;
  machines: Record<string, string>;
  standard: string;
  admin: string;
  tech: string;
}

const TECH_NAME = 'TECHNICIAN';
const ADMIN_NAME = 'Administrator';

/** The groups a report should hold, built by hand from the planned sessions. */
function expectedGroups(ids: Ids, sessions: Planned[], groupBy: ReportGrouping[]): Group[] {
  const by = new Set(groupBy);
  const buckets = new Map<string, { key: Key; sessions: Planned[]; category?: WorkCategory | null }>();
  const itemLevel = by.has('CATEGORY') || by.has('LABOR_TYPE') || by.has('TECHNICIAN');
  for (const s of sessions) {
    // keys of single work items: a session falls into one group per distinct combination of its items
    const categories: (WorkCategory | null)[] = by.has('CATEGORY')
      ? s.items.length
        ? [...new Set(s.items.map((i) => i[0]))]
        : [null]
      : [null];
    for (const category of categories) {
      const client = clientOf(s);
      const hasItems = s.items.length > 0;
      const key: Key = {
        clientId: by.has('CLIENT') && client ? ids.clients[client] : null,
        clientName: by.has('CLIENT') ? (client ?? null) : null,
        projectId: by.has('PROJECT') && s.project ? ids.projects[s.project] : null,
        projectName: by.has('PROJECT') ? (s.project ?? null) : null,
        category: by.has('CATEGORY') ? category : null,
        month: by.has('MONTH') ? s.start.slice(0, 7) : null,
        machineId: by.has('MACHINE') && s.machine ? ids.machines[s.machine] : null,
        machineHostname: by.has('MACHINE') ? (s.machine ?? null) : null,
        laborTypeId: by.has('LABOR_TYPE') && hasItems ? ids.standard : null,
        laborTypeName: by.has('LABOR_TYPE') && hasItems ? 'Standard' : null,
        technicianId: by.has('TECHNICIAN') && hasItems ? (s.byTech ? ids.tech : ids.admin) : null,
        technicianName: by.has('TECHNICIAN') && hasItems ? (s.byTech ? TECH_NAME : ADMIN_NAME) : null,
      };
      const id = JSON.stringify(key);
      const bucket = buckets.get(id) ?? { key, sessions: [], category: by.has('CATEGORY') ? category : undefined };
      bucket.sessions.push(s);
      buckets.set(id, bucket);
    }
  }
  const nullsLast = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  return [...buckets.values()]
    .sort(
      (a, b) =>
        nullsLast(a.key.clientName, b.key.clientName) ||
        nullsLast(a.key.projectName, b.key.projectName) ||
        nullsLast(a.key.category, b.key.category) ||
        nullsLast(a.key.month, b.key.month) ||
        nullsLast(a.key.machineHostname, b.key.machineHostname) ||
        nullsLast(a.key.laborTypeName, b.key.laborTypeName) ||
        nullsLast(a.key.technicianName, b.key.technicianName),
    )
    .map((bucket) => ({
      key: bucket.key,
      figures: expectedFigures(bucket.sessions, (_s, item) => !itemLevel || bucket.category === undefined || item[0] === bucket.category),
    }));
}

const inRange = (from: string, to: string) => plan.filter((s) => s.start >= from && s.start < to);
const sum = (groups: Group[], field: keyof Figures) => groups.reduce((total, g) => total + (g.figures[field] as number), 0);

describe('report', () => {
  let app: TestApp;
  const ids: Ids = { clients: {}, projects: {}, machines: {}, standard: '', admin: '', tech: '' };

  beforeAll(async () => {
    app = await startTestApp('report');
    const tech = await app.clientAs(UserRole.TECHNICIAN);
    ids.tech = (await tech.Me()).me.id;
    ids.admin = (await app.sdk.Me()).me.id;
    ids.standard = (await app.sdk.LaborTypes({ filter: { active: true } })).laborTypes.edges.find((e) => e.node.isDefault)!.node.id;
    ids.clients.Acme = (await app.sdk.CreateClient({ input: { name: 'Acme', hourlyRateCents: ACME_RATE } })).createClient.id;
    ids.clients.Dataforth = (await app.sdk.CreateClient({ input: { name: 'Dataforth', hourlyRateCents: DATAFORTH_RATE } })).createClient.id;
    for (const [name, client] of Object.entries(PROJECT_CLIENT)) {
      ids.projects[name] = (await app.sdk.CreateProject({ input: { clientId: ids.clients[client], name } })).createProject.id;
    }
    ids.machines['alpha-ws'] = (
      await app.sdk.RegisterMachine({ input: { hostname: 'alpha-ws', username: 'tech', platform: 'LINUX', homeDirectory: '/home/tech' } })
    ).registerMachine.machine.id;
    ids.machines['bravo-mac'] = (
      await app.sdk.RegisterMachine({
        input: { hostname: 'bravo-mac', username: 'tech', platform: 'DARWIN', homeDirectory: '/Users/tech' },
      })
    ).registerMachine.machine.id;

    for (const s of plan) {
      const sdk = s.byTech ? tech : app.sdk;
      const started = await sdk.StartSession({
        input: {
          mode: s.mode ?? 'MSP',
          clientId: s.client ? ids.clients[s.client] : undefined,
          projectId: s.project ? ids.projects[s.project] : undefined,
          machineId: s.machine ? ids.machines[s.machine] : undefined,
          title: `Work from ${s.start}`,
          startedAt: s.start,
        },
      });
      s.id = started.startSession.id;
      for (const [category, minutes, billable] of s.items) {
        await sdk.LogWorkItem({
          input: { sessionId: s.id, category, minutes, billable, description: `${category.toLowerCase()} for ${minutes} minutes` },
        });
      }
      await sdk.EndSession({ input: { sessionId: s.id, endedAt: s.end } });
    }

    // Acme's August is invoiced at the old rate; then the rate goes up, and one September session is billed at the new one.
    const august = await app.sdk.MarkBilled({
      input: { clientId: ids.clients.Acme, from: '2026-08-01T00:00:00.000Z', to: '2026-09-01T00:00:00.000Z' },
    });
    expect(august.markBilled.sessionsBilled).toBe(5);
    for (const s of plan.slice(0, 5)) s.billedRate = ACME_RATE;
    await app.sdk.UpdateClient({ input: { id: ids.clients.Acme, hourlyRateCents: ACME_NEW_RATE } });
    await app.sdk.MarkBilled({ input: { sessionId: plan[6].id } });
    plan[6].billedRate = ACME_NEW_RATE;
    // Dataforth: one MSP session, and the (non-billable) DEV session, whose billing adds no amount.
    for (const index of [12, 15]) {
      await app.sdk.MarkBilled({ input: { sessionId: plan[index].id } });
      plan[index].billedRate = DATAFORTH_RATE;
    }
    await app.sdk.UpdateClient({ input: { id: ids.clients.Dataforth, hourlyRateCents: 20_000 } });
  });
  afterAll(() => app.stop());

  const run = async (filter: Partial<ReportFilter>, groupBy: ReportGrouping[] = []) =>
    (await app.sdk.Report({ filter: { from: FROM, to: TO, ...filter }, groupBy })).report;

  it('totals every session of the period, those without work items included', async () => {
    const report = await run({});
    const expected = expectedFigures(inRange(FROM, TO));
    expect(expected.sessions).toBe(20);
    expect(report.total).toEqual(expected);
    // without groupBy the one group is the total
    expect(report.groups).toEqual([{ key: nullKey(), figures: expected }]);
  });

  it.each<[string, ReportGrouping[]]>([
    ['client', ['CLIENT']],
    ['client and month', ['CLIENT', 'MONTH']],
    ['category', ['CATEGORY']],
    ['project and machine', ['PROJECT', 'MACHINE']],
    ['machine and project, given the other way round', ['MACHINE', 'PROJECT']],
    ['month', ['MONTH']],
    ['machine', ['MACHINE']],
    ['project', ['PROJECT']],
    ['labor type', ['LABOR_TYPE']],
    ['technician', ['TECHNICIAN']],
    ['technician and client', ['TECHNICIAN', 'CLIENT']],
    ['labor type, technician and category', ['LABOR_TYPE', 'TECHNICIAN', 'CATEGORY']],
  ])('groups by %s, ordered by the keys, adding up to the total', async (_name, groupBy) => {
    const report = await run({}, groupBy);
    const sessions = inRange(FROM, TO);
    expect(report.groups).toEqual(expectedGroups(ids, sessions, groupBy));
    expect(report.total).toEqual(expectedFigures(sessions));
    // money is rounded per line, so the groups add up to the total to the cent
    for (const field of [
      'minutes',
      'billableMinutes',
      'billableValueCents',
      'amountBilledCents',
      'unbilledCents',
      'overageCents',
    ] as const) {
      expect(sum(report.groups, field)).toBe(report.total[field]);
    }
  });

  it('puts sessions in the UTC month they started in, and sessions without work items in a group of no category', async () => {
    const byMonth = await run({ clientId: ids.clients.Acme }, ['MONTH']);
    expect(byMonth.groups.map((g) => [g.key.month, g.figures.sessions])).toEqual([
      ['2026-08', 5], // 23:30 on Aug 31 is still August
      ['2026-09', 4], // midnight Sep 1 and 23:59:59.999 on Sep 30
      ['2026-10', 3],
    ]);
    const byCategory = await run({ clientId: ids.clients.Acme }, ['CATEGORY']);
    const last = byCategory.groups[byCategory.groups.length - 1];
    expect(last.key.category).toBeNull();
    expect(last.figures).toMatchObject({ sessions: 1, minutes: 0, amountBilledCents: 0 });
  });

  it('keeps billed amounts at the rate each session was billed at, rounding half up once per line', async () => {
    const byMonth = await run({ clientId: ids.clients.Acme, to: '2026-10-01T00:00:00.000Z' }, ['MONTH']);
    // August: 325 billable minutes billed at the old 125.00/h; the rate is 150.50/h now
    expect(byMonth.groups[0].figures).toMatchObject({ billableMinutes: 325, amountBilledCents: 67_708, billedAmount: '$677.08' });
    // September: only the 121 billable minutes of the billed session, at 150.50/h (the 40 non-billable ones are not billed)
    expect(byMonth.groups[1].figures).toMatchObject({ amountBilledCents: 30_351, billedAmount: '$303.51' });
    // 10 minutes at 99.99/h are 1666.5 cents: half up
    const dataforth = await run({ clientId: ids.clients.Dataforth, to: '2026-09-01T00:00:00.000Z' }, ['CATEGORY']);
    expect(dataforth.groups.find((g) => g.key.category === 'COMMUNICATION')?.figures.amountBilledCents).toBe(1667);
    expect(dataforth.groups.find((g) => g.key.category === 'SECURITY')?.figures.billedAmount).toBe('$166.65');
  });

  it('narrows by project and by mode', async () => {
    const firewall = await run({ projectId: ids.projects.Firewall }, ['MONTH']);
    const sessions = inRange(FROM, TO).filter((s) => s.project === 'Firewall');
    expect(firewall.total).toEqual(expectedFigures(sessions));
    expect(firewall.groups).toEqual(expectedGroups(ids, sessions, ['MONTH']));
    const dev = await run({ mode: 'DEV' });
    expect(dev.total).toMatchObject({ sessions: 1, minutes: 90, billableMinutes: 0, amountBilledCents: 0 });
  });

  it('writes a text header for the period and one line per group', async () => {
    const quarter = await run({ clientId: ids.clients.Acme, from: '2026-07-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' }, ['MONTH']);
    expect(quarter.text.split('\n')).toEqual([
      'Acme - Q3 2026: 9 sessions, 11.2 hours, $1,396.98 billable, $980.59 billed',
      '- 2026-08: 5 sessions, 5.8 hours, 5.4 billable hours, $677.08 billable, $677.08 billed',
      '- 2026-09: 4 sessions, 5.5 hours, 4.8 billable hours, $719.90 billable, $303.51 billed',
    ]);
    const range = await run({ from: '2026-08-31T12:00:00.000Z', to: '2026-09-02T00:00:00.000Z' });
    expect(range.text).toBe('All clients - 2026-08-31 to 2026-09-01: 2 sessions, 2.1 hours, $283.79 billable, $145.83 billed');
    const month = await run({ projectId: ids.projects.Intranet, from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' });
    expect(month.text).toBe('Intranet - October 2026: 2 sessions, 0.4 hours, $62.71 billable, $0.00 billed');
    const year = await run({ mode: 'DEV', from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    expect(year.text).toBe('All clients - 2026: 1 session, 1.5 hours, $0.00 billable, $0.00 billed');
    const grouped = await run({}, ['CLIENT', 'PROJECT', 'CATEGORY', 'MONTH']);
    expect(grouped.text.split('\n')).toContain(
      '- Acme / Intranet / TROUBLESHOOTING / 2026-08: 2 sessions, 2.7 hours, 2.7 billable hours, $333.33 billable, $333.33 billed',
    );
    expect(grouped.text.split('\n')).toContain(
      '- (no client) / (no project) / RESEARCH / 2026-08: 1 session, 0.5 hours, 0.0 billable hours, $0.00 billable, $0.00 billed',
    );
  });

  it('refuses bad periods, repeated groupings and unknown clients or projects', async () => {
    const backwards = await apiError(run({ from: '2026-09-01T00:00:00.000Z', to: '2026-08-01T00:00:00.000Z' }));
    expect(backwards.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
    const empty = await apiError(run({ from: FROM, to: FROM }));
    expect(empty.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
    const tooLong = await apiError(run({ from: '2016-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.001Z' }));
    expect(tooLong.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
    expect((await run({ from: '2016-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z', mode: 'DEV' })).total.sessions).toBe(0);
    const twice = await apiError(run({}, ['CLIENT', 'MONTH', 'CLIENT']));
    expect(twice.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'groupBy' });
    const client = await apiError(run({ clientId: '999999' }));
    expect(client.errors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'filter.clientId' });
    const project = await apiError(run({ projectId: '999999' }));
    expect(project.errors[0]).toMatchObject({ code: 'NOT_FOUND', field: 'filter.projectId' });
  });

  it('lets an agent token report on its own client only', async () => {
    const open = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId: ids.clients.Acme, title: 'Agent at work' } })).startSession
      .id;
    const agent = await app.agentFor(open, ['READ']);
    const own = await agent.Report({ filter: { clientId: ids.clients.Acme, from: FROM, to: TO }, groupBy: ['MONTH'] });
    expect(own.report).toEqual(await run({ clientId: ids.clients.Acme }, ['MONTH']));
    expect(own.report.total.sessions).toBe(12);
    expect((await apiError(agent.Report({ filter: { from: FROM, to: TO } }))).code).toBe('FORBIDDEN');
    expect((await apiError(agent.Report({ filter: { clientId: ids.clients.Dataforth, from: FROM, to: TO } }))).code).toBe('FORBIDDEN');
  });

  it('costs the same two SQL statements for 5 sessions as for 40, and lists at most 30 groups in the text', async () => {
    const client = (await app.sdk.CreateClient({ input: { name: 'Countwell', hourlyRateCents: 6000 } })).createClient.id;
    // one session a month from January 2023 on: 40 months, all before the plan's period
    const addSessions = async (from: number, to: number) => {
      for (let month = from; month < to; month++) {
        const start = new Date(Date.UTC(2023, month, 10, 9));
        const id = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId: client, startedAt: start.toISOString() } })).startSession
          .id;
        await app.sdk.LogWorkItem({ input: { sessionId: id, category: 'MAINTENANCE', description: 'Monthly patching', minutes: 30 } });
        await app.sdk.EndSession({ input: { sessionId: id, endedAt: new Date(start.getTime() + 3_600_000).toISOString() } });
      }
    };
    const filter = { clientId: client, from: '2023-01-01T00:00:00.000Z', to: '2026-05-01T00:00:00.000Z' };
    let answer: ReportQuery['report'] | undefined;
    const measure = () =>
      countStatements(
        app,
        async () => (answer = (await app.sdk.Report({ filter, groupBy: ['CLIENT', 'PROJECT', 'MONTH', 'MACHINE'] })).report),
      );

    await addSessions(0, 5);
    const few = await measure();
    expect(answer!.total.sessions).toBe(5);
    await addSessions(5, 40);
    const many = await measure();
    expect(answer!.total).toMatchObject({ sessions: 40, minutes: 1200 });
    expect(answer!.groups).toHaveLength(40);
    expect(few).toBe(2);
    expect(many).toBe(few);

    const lines = answer!.text.split('\n');
    expect(lines).toHaveLength(1 + 30 + 1);
    expect(lines[0]).toBe('Countwell - 2023-01-01 to 2026-04-30: 40 sessions, 20.0 hours, $1,200.00 billable, $0.00 billed');
    expect(lines[1]).toBe(
      '- Countwell / (no project) / 2023-01 / (no machine): 1 session, 0.5 hours, 0.5 billable hours, $30.00 billable, $0.00 billed',
    );
    expect(lines[31]).toBe('… and 10 more groups');
  });
});

function nullKey(): Key {
  return {
    clientId: null,
    clientName: null,
    projectId: null,
    projectName: null,
    category: null,
    month: null,
    machineId: null,
    machineHostname: null,
    laborTypeId: null,
    laborTypeName: null,
    technicianId: null,
    technicianName: null,
  };
}
