import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { MspClient } from '../../../sdk';
import { UserRole } from '../../../entities/user.entity';
import { apiError, startTestApp, TestApp } from '../../helpers/test-app';
import { pngPixels } from '../../helpers/png';

/**
 * The billing rules of issue 14, through the SDK on the real server. Every date is a fixed past one;
 * nothing depends on the hour or zone the test runs in.
 */
describe('billing: labor types, after-hours, prepaid blocks, invoice export and chart', () => {
  let app: TestApp;
  let sdk: MspClient;
  const types: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp('billing');
    sdk = app.sdk;
    types.remote = (
      await sdk.CreateLaborType({ input: { name: 'Remote', minimumMinutes: 30, roundingIncrementMinutes: 15, psaProductId: 'LAB-REMOTE' } })
    ).createLaborType.id;
    types.afterHours = (
      await sdk.CreateLaborType({
        input: {
          name: 'After-hours',
          minimumMinutes: 30,
          roundingIncrementMinutes: 15,
          multiplierPercent: 150,
          afterHours: true,
          psaProductId: 'LAB-AH',
        },
      })
    ).createLaborType.id;
  });
  afterAll(() => app.stop());

  /** A client billed at $100/h with the after-hours policy; time zone and default labor type as given. */
  async function client(name: string, options: { timeZone?: string; defaultLaborTypeId?: string } = {}) {
    return (
      await sdk.CreateClient({
        input: {
          name,
          hourlyRateCents: 10_000,
          afterHoursPolicy: 'AFTER_HOURS_LABOR_TYPE',
          afterHoursLaborTypeId: types.afterHours,
          ...options,
        },
      })
    ).createClient;
  }

  /** An ended MSP session of `clientId` starting at `start` with work items of these minutes (each starting at the session start). */
  async function session(clientId: string, start: string, minutes: number[], extra: { description?: string } = {}) {
    const id = (await sdk.StartSession({ input: { mode: 'MSP', clientId, startedAt: start } })).startSession.id;
    const items = [];
    for (const m of minutes)
      items.push(
        (
          await sdk.LogWorkItem({
            input: {
              sessionId: id,
              minutes: m,
              category: 'TROUBLESHOOTING',
              description: extra.description ?? `${m} minutes of work`,
              startedAt: start,
            },
          })
        ).logWorkItem,
      );
    const end = new Date(new Date(start).getTime() + (minutes.reduce((a, b) => a + b, 0) + 5) * 60_000).toISOString();
    await sdk.EndSession({ input: { sessionId: id, endedAt: end } });
    return { id, items, end };
  }

  const report = async (clientId: string, from: string, to: string) => (await sdk.Report({ filter: { clientId, from, to } })).report.total;
  const prepaid = async (id: string) => (await sdk.ClientPrepaid({ id, first: 20 })).client!.prepaid;

  it('bills by labor type: minimum 30 and increment 15 in business hours; 1.5x quantity at the normal rate on a Saturday', async () => {
    const phoenix = await client('Phoenix Dental', { timeZone: 'America/Phoenix', defaultLaborTypeId: types.remote });
    expect(phoenix).toMatchObject({
      timeZone: 'America/Phoenix',
      businessHoursStart: '09:00',
      businessHoursEnd: '17:00',
      businessDays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
    });
    // Tuesday 2025-10-07 10:00 in Phoenix (UTC-7, no daylight saving) is 17:00 UTC
    const tuesday = await session(phoenix.id, '2025-10-07T17:00:00.000Z', [10, 31, 60]);
    expect(tuesday.items.map((i) => [i.actualMinutes, i.billableMinutes, i.laborType?.name, i.afterHours])).toEqual([
      [10, 30, 'Remote', false],
      [31, 45, 'Remote', false],
      [60, 60, 'Remote', false],
    ]);
    // Saturday 2025-10-11 10:00 in Phoenix
    const saturday = await session(phoenix.id, '2025-10-11T17:00:00.000Z', [60]);
    expect(saturday.items[0]).toMatchObject({
      actualMinutes: 60,
      billableMinutes: 90,
      afterHours: true,
      laborType: { name: 'After-hours' },
    });
    // the weekday hour and the Saturday hour, each an invoice line at the client's $100/h
    const csv = (
      await sdk.WorkItemsCsv({
        clientId: phoenix.id,
        from: '2025-10-01T00:00:00.000Z',
        to: '2025-11-01T00:00:00.000Z',
        columns: ['DATE', 'ACTUAL_MINUTES', 'BILLABLE_MINUTES', 'RATE', 'AMOUNT', 'LABOR_TYPE'],
      })
    ).workItemsCsv;
    const rows: string[][] = parse(csv);
    expect(rows).toEqual([
      ['Date', 'Actual minutes', 'Billable minutes', 'Rate', 'Amount', 'Labor type'],
      ['2025-10-07', '10', '30', '100.00', '50.00', 'Remote'],
      ['2025-10-07', '31', '45', '100.00', '75.00', 'Remote'],
      ['2025-10-07', '60', '60', '100.00', '100.00', 'Remote'],
      ['2025-10-11', '60', '90', '100.00', '150.00', 'After-hours'],
    ]);
    const weekday = await report(phoenix.id, tuesday.end, '2025-10-08T00:00:00.000Z');
    expect(weekday.sessions).toBe(0);
    const saturdayValue = (await report(phoenix.id, '2025-10-11T00:00:00.000Z', '2025-10-12T00:00:00.000Z')).billableValueCents;
    expect(saturdayValue).toBe(15_000);
    expect(saturdayValue * 2).toBe(10_000 * 3); // exactly 1.5 x the weekday hour
  });

  it('bills 1 h 45 min of after-hours work at $100/h as $262.50: the multiplier once, never on rate and quantity both', async () => {
    const emergency = await client('Nightshift Labs');
    // Sunday 2025-11-02 02:00 UTC (the client's zone is UTC)
    const night = await session(emergency.id, '2025-11-02T02:00:00.000Z', [105]);
    expect(night.items[0]).toMatchObject({ actualMinutes: 105, billableMinutes: 157.5, afterHours: true });
    const total = await report(emergency.id, '2025-11-01T00:00:00.000Z', '2025-12-01T00:00:00.000Z');
    expect(total).toMatchObject({ billableValueCents: 26_250, billableValue: '$262.50', unbilledCents: 26_250, amountBilledCents: 0 });
    expect(total.billableValueCents).not.toBe(43_750);
    expect(total.billableValueCents).not.toBe(39_375);
  });

  it('draws prepaid blocks oldest first: 10 h, then 3 h and 6 h leave 1 h; 2 h more take 1 h and bill 1 h overage; after-hours debits 1.5x', async () => {
    const blocky = await client('Blockworks');
    const block = (
      await sdk.AddPrepaidBlock({ input: { clientId: blocky.id, hours: 10, purchasedAt: '2025-09-01T00:00:00.000Z', note: 'INV-1001' } })
    ).addPrepaidBlock;
    expect(block).toMatchObject({ hours: 10, usedHours: 0, balanceHours: 10, lowBalanceAt: null });
    // Tuesdays at 10:00 UTC: business hours
    await session(blocky.id, '2025-10-07T10:00:00.000Z', [180]);
    expect((await prepaid(blocky.id)).balanceHours).toBe(7);
    expect((await prepaid(blocky.id)).blocks.edges[0].node.lowBalanceAt).toBeNull();
    await session(blocky.id, '2025-10-14T10:00:00.000Z', [360]);
    const afterNine = await prepaid(blocky.id);
    expect(afterNine.balanceHours).toBe(1);
    // 1 h of 10 h left is 10 %: below the 20 % alert, recorded once
    const lowAt = afterNine.blocks.edges[0].node.lowBalanceAt;
    expect(lowAt).not.toBeNull();

    const third = await session(blocky.id, '2025-10-21T10:00:00.000Z', [120]);
    const [item] = (await sdk.Session({ id: third.id })).session!.workItems.nodes;
    expect(item).toMatchObject({ billableMinutes: 120, prepaidMinutes: 60, overageMinutes: 60 });
    const thirdFigures = await report(blocky.id, '2025-10-21T00:00:00.000Z', '2025-10-22T00:00:00.000Z');
    expect(thirdFigures).toMatchObject({
      billableHours: 2,
      prepaidHours: 1,
      overageHours: 1,
      overageCents: 10_000,
      billableValueCents: 20_000,
    });
    const drained = await prepaid(blocky.id);
    expect(drained.balanceHours).toBe(0);
    expect(drained.blocks.edges[0].node.lowBalanceAt).toBe(lowAt);

    // a new block; 1 h on a Saturday bills 90 minutes and takes 1.5 h of it, at the normal rate
    await sdk.AddPrepaidBlock({ input: { clientId: blocky.id, hours: 5, purchasedAt: '2025-10-25T00:00:00.000Z', note: 'INV-1002' } });
    const saturday = await session(blocky.id, '2025-11-01T10:00:00.000Z', [60]);
    const [weekend] = (await sdk.Session({ id: saturday.id })).session!.workItems.nodes;
    expect(weekend).toMatchObject({ billableMinutes: 90, prepaidMinutes: 90, overageMinutes: 0, afterHours: true });
    const now = await prepaid(blocky.id);
    expect(now).toMatchObject({ balanceHours: 3.5, purchasedHours: 15, usedHours: 11.5, openBlocks: 2 });
    expect(now.consumption).toEqual([
      { month: '2025-10', hours: 10 },
      { month: '2025-11', hours: 1.5 },
    ]);
    expect(now.blocks.edges.map((e) => [e.node.note, e.node.balanceHours])).toEqual([
      ['INV-1001', 0],
      ['INV-1002', 3.5],
    ]);
    const november = await report(blocky.id, '2025-11-01T00:00:00.000Z', '2025-12-01T00:00:00.000Z');
    expect(november).toMatchObject({ billableValueCents: 15_000, prepaidHours: 1.5, overageCents: 0 });
  });

  it('never takes the same prepaid hour twice when sessions of one client end at the same moment', async () => {
    const racer = await client('Race Condition Inc');
    await sdk.AddPrepaidBlock({ input: { clientId: racer.id, hours: 10, purchasedAt: '2025-09-01T00:00:00.000Z', note: 'race' } });
    const open: string[] = [];
    // weekdays, in business hours: no after-hours multiplier
    const days = ['2025-10-06', '2025-10-07', '2025-10-08', '2025-10-09', '2025-10-10', '2025-10-13'];
    for (const day of days) {
      const start = `${day}T10:00:00.000Z`;
      const id = (await sdk.StartSession({ input: { mode: 'MSP', clientId: racer.id, startedAt: start } })).startSession.id;
      await sdk.LogWorkItem({ input: { sessionId: id, minutes: 180, category: 'MAINTENANCE', description: 'patching', startedAt: start } });
      open.push(id);
    }
    // six sessions of 3 h against 10 h, all ending at once: exactly 10 h drawn, 8 h overage
    await Promise.all(open.map((id, i) => sdk.EndSession({ input: { sessionId: id, endedAt: `${days[i]}T13:30:00.000Z` } })));
    const items = await Promise.all(open.map(async (id) => (await sdk.Session({ id })).session!.workItems.nodes[0]));
    expect(items.reduce((sum, i) => sum + i.prepaidMinutes, 0)).toBe(600);
    expect(items.reduce((sum, i) => sum + i.overageMinutes, 0)).toBe(480);
    expect(await prepaid(racer.id)).toMatchObject({ balanceHours: 0, usedHours: 10 });
    const october = await report(racer.id, '2025-10-01T00:00:00.000Z', '2025-11-01T00:00:00.000Z');
    expect(october).toMatchObject({ billableHours: 18, prepaidHours: 10, overageHours: 8, overageCents: 80_000 });
  });

  it('leaves a billed quarter exactly as invoiced when rules and rates change, and recomputes unlocked work on request', async () => {
    const onsite = (await sdk.CreateLaborType({ input: { name: 'Onsite', minimumMinutes: 60, roundingIncrementMinutes: 30 } }))
      .createLaborType;
    const steady = await client('Steady State Ltd', { defaultLaborTypeId: onsite.id });
    const quarter = [];
    for (const start of ['2025-10-06T10:00:00.000Z', '2025-11-04T10:00:00.000Z', '2025-12-02T10:00:00.000Z'])
      quarter.push(await session(steady.id, start, [20, 95]));
    const q4 = { from: '2025-10-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' };
    await sdk.MarkBilled({ input: { clientId: steady.id, ...q4 } });
    const billed = (await sdk.Report({ filter: { clientId: steady.id, ...q4 }, groupBy: ['MONTH', 'LABOR_TYPE'] })).report;
    // 20 → 60 and 95 → 120 minutes, three times: 9 h at $100
    expect(billed.total).toMatchObject({ billableMinutes: 540, billableValueCents: 90_000, amountBilledCents: 90_000, unbilledCents: 0 });
    expect(billed.text.split('\n')[0]).toBe('Steady State Ltd - Q4 2025: 3 sessions, 5.8 hours, $900.00 billable, $900.00 billed');
    // January is not billed yet
    const january = await session(steady.id, '2026-01-06T10:00:00.000Z', [20]);
    expect(january.items[0]).toMatchObject({ billableMinutes: 60, ruleVersion: 1 });

    const changed = (await sdk.UpdateLaborType({ input: { id: onsite.id, minimumMinutes: 120 } })).updateLaborType;
    expect(changed.version).toBe(2);
    await sdk.UpdateClient({ input: { id: steady.id, hourlyRateCents: 12_500 } });
    const recomputed = (await sdk.RecomputeBilling({ input: { clientId: steady.id, from: q4.from, to: '2026-02-01T00:00:00.000Z' } }))
      .recomputeBilling;
    expect(recomputed).toEqual({ workItemsChecked: 1, workItemsChanged: 1, lockedWorkItemsSkipped: 6 });
    expect((await sdk.Report({ filter: { clientId: steady.id, ...q4 }, groupBy: ['MONTH', 'LABOR_TYPE'] })).report).toEqual(billed);
    const [item] = (await sdk.Session({ id: january.id })).session!.workItems.nodes;
    expect(item).toMatchObject({ actualMinutes: 20, billableMinutes: 120, ruleVersion: 2 });
    // the recompute is in the change log, with its reason
    const history = (await sdk.Changes({ objectType: 'WorkItem', objectId: item.id })).changes.nodes;
    expect(history[history.length - 1]).toMatchObject({ action: 'UPDATE' });
    expect(JSON.stringify(history[history.length - 1])).toContain('recomputeBilling');
    // billed work cannot move by hand either
    expect((await apiError(sdk.UpdateWorkItem({ input: { id: quarter[0].items[0].id, laborTypeId: types.remote } }))).code).toBe('LOCKED');
  });

  it('refuses bad rules and settings with a clear error', async () => {
    expect((await apiError(sdk.CreateLaborType({ input: { name: 'Remote' } }))).code).toBe('CONFLICT');
    expect((await apiError(sdk.CreateLaborType({ input: { name: 'Silly', multiplierPercent: 99 } }))).code).toBe('BAD_USER_INPUT');
    expect((await apiError(sdk.CreateClient({ input: { name: 'Nowhere', timeZone: 'Mars/Olympus' } }))).errors[0]).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'timeZone',
    });
    expect(
      (await apiError(sdk.CreateClient({ input: { name: 'Backwards', businessHoursStart: '17:00', businessHoursEnd: '09:00' } }))).code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await apiError(sdk.CreateClient({ input: { name: 'No type', afterHoursPolicy: 'AFTER_HOURS_LABOR_TYPE' } }))).errors[0],
    ).toMatchObject({ field: 'afterHoursLaborTypeId' });
    expect(
      (
        await apiError(
          sdk.CreateClient({
            input: { name: 'Wrong type', afterHoursPolicy: 'AFTER_HOURS_LABOR_TYPE', afterHoursLaborTypeId: types.remote },
          }),
        )
      ).code,
    ).toBe('BAD_USER_INPUT');
    const c = await client('Validation Co');
    expect(
      (await apiError(sdk.AddPrepaidBlock({ input: { clientId: c.id, hours: 0.001, purchasedAt: '2025-01-01T00:00:00.000Z', note: 'x' } })))
        .code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (
        await apiError(
          sdk.AddPrepaidBlock({
            input: { clientId: c.id, hours: 5, purchasedAt: '2025-01-01T00:00:00.000Z', expiresAt: '2024-01-01T00:00:00.000Z', note: 'x' },
          }),
        )
      ).code,
    ).toBe('BAD_USER_INPUT');
    // labor types are admins' business
    const tech = await app.clientAs(UserRole.TECHNICIAN);
    expect((await apiError(tech.CreateLaborType({ input: { name: 'Cheap' } }))).code).toBe('FORBIDDEN');
    expect(
      (
        await tech.AddPrepaidBlock({
          input: { clientId: c.id, hours: 1, purchasedAt: '2025-01-01T00:00:00.000Z', note: 'by a technician' },
        })
      ).addPrepaidBlock.hours,
    ).toBe(1);
  });

  describe('over plain HTTP, authenticated like the API', () => {
    let clientId: string;
    const base = () => app.url.replace(/\/graphql$/, '');
    const get = (path: string, token: string | null = app.token) =>
      fetch(`${base()}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

    beforeAll(async () => {
      const c = await client('Quoting, "Escapes" & Co');
      clientId = c.id;
      await sdk.AddPrepaidBlock({ input: { clientId, hours: 2, purchasedAt: '2025-08-01T00:00:00.000Z', note: 'small block' } });
      await session(clientId, '2025-09-09T10:00:00.000Z', [45], { description: 'Replaced switch, "core" one,\nthen tested' });
      await session(clientId, '2025-11-11T10:00:00.000Z', [100, 20]);
      const open = (await sdk.StartSession({ input: { mode: 'MSP', clientId, startedAt: '2025-11-12T10:00:00.000Z', billable: false } }))
        .startSession.id;
      await sdk.LogWorkItem({
        input: { sessionId: open, minutes: 30, category: 'RESEARCH', description: 'reading', startedAt: '2025-11-12T10:00:00.000Z' },
      });
      await sdk.EndSession({ input: { sessionId: open, endedAt: '2025-11-12T11:00:00.000Z' } });
    });

    it('exports work items as RFC 4180 CSV with the chosen columns, the same as the GraphQL field, adding up to the report', async () => {
      const query = `clientId=${clientId}&from=2025-09-01T00:00:00Z&to=2026-01-01T00:00:00Z`;
      const response = await get(`/export/work-items.csv?${query}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      const body = await response.text();
      expect(body).toContain('"Replaced switch, ""core"" one,\nthen tested"');
      expect(body.endsWith('\r\n')).toBe(true);
      const rows: string[][] = parse(body);
      expect(rows[0]).toEqual([
        'Date',
        'Session',
        'Technician',
        'Category',
        'Labor type',
        'Description',
        'Actual minutes',
        'Billable minutes',
        'Rate',
        'Amount',
        'Billed',
        'PSA ticket',
      ]);
      expect(rows).toHaveLength(1 + 3); // the non-billable item is not on an invoice
      const viaSdk = (await sdk.WorkItemsCsv({ clientId, from: '2025-09-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).workItemsCsv;
      expect(viaSdk).toBe(body);
      const cents = rows.slice(1).reduce((sum, r) => sum + Math.round(Number(r[9]) * 100), 0);
      const total = await report(clientId, '2025-09-01T00:00:00Z', '2026-01-01T00:00:00Z');
      expect(cents).toBe(total.billableValueCents);

      const chosen: string[][] = parse(
        await (await get(`/export/work-items.csv?${query}&columns=billable_minutes,PREPAID_MINUTES,overage-amount`)).text(),
      );
      expect(chosen).toEqual([
        ['Billable minutes', 'Prepaid minutes', 'Overage amount'],
        ['45', '45', '0.00'],
        ['100', '75', '41.67'],
        ['20', '0', '33.33'],
      ]);
    });

    it('refuses missing tokens, bad parameters and other agents like the API', async () => {
      const query = `clientId=${clientId}&from=2025-09-01&to=2026-01-01`;
      expect((await get(`/export/work-items.csv?${query}`, null)).status).toBe(401);
      const bad = await get(`/export/work-items.csv?clientId=${clientId}&from=yesterday&to=2026-01-01`);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { errors: { extensions: unknown }[] }).errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'from',
      });
      expect((await get(`/export/work-items.csv?${query}&columns=date,price`)).status).toBe(400);
      expect((await get(`/export/work-items.csv?clientId=999999&from=2025-09-01&to=2026-01-01`)).status).toBe(404);
      const other = (await sdk.CreateClient({ input: { name: 'Someone Else' } })).createClient.id;
      const agentSession = (await sdk.StartSession({ input: { mode: 'MSP', clientId: other } })).startSession.id;
      const agent = await app.agentFor(agentSession, ['READ']);
      const agentToken = (await sdk.IssueAgentToken({ input: { sessionId: agentSession, scopes: ['READ'] } })).issueAgentToken.token;
      expect((await get(`/export/work-items.csv?${query}`, agentToken)).status).toBe(403);
      expect((await get(`/export/work-items.csv?clientId=${other}&from=2025-09-01&to=2026-01-01`, agentToken)).status).toBe(200);
      expect((await apiError(agent.WorkItemsCsv({ clientId, from: '2025-09-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }))).code).toBe(
        'FORBIDDEN',
      );
    });

    it('draws hours by month as an SVG chart on the server: one bar per month, axis labels, prepaid line', async () => {
      const response = await get(`/charts/hours-by-month.svg?clientId=${clientId}&from=2025-09-01&to=2026-01-01`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      const svg = await response.text();
      expect(svg.startsWith('<svg')).toBe(true);
      const months = ['2025-09', '2025-10', '2025-11', '2025-12'];
      for (const label of [...months, 'Hours', 'Month', 'Billable hours', 'Non-billable hours', 'Prepaid hours used'])
        expect(svg).toContain(`>${label}</text>`);
      // one billable bar per month (empty months as zero-height bars), drawn as chart elements of series 0
      const bars = svg.match(/<path [^>]*ecmeta_series_index="0"[^>]*ecmeta_ssr_type="chart"/g) ?? [];
      expect(bars).toHaveLength(months.length);

      const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
      if (!chromium) {
        console.warn('chromium is not installed (apt-get install -y chromium): the SVG was checked, but not rendered');
        return;
      }
      const dir = mkdtempSync(join(tmpdir(), 'msp-chart-'));
      try {
        writeFileSync(join(dir, 'chart.svg'), svg);
        execFileSync(
          chromium,
          [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            `--user-data-dir=${join(dir, 'profile')}`,
            `--screenshot=${join(dir, 'chart.png')}`,
            '--window-size=900,420',
            `file://${join(dir, 'chart.svg')}`,
          ],
          { stdio: 'ignore', timeout: 120_000 },
        );
        const { data, channels } = pngPixels(readFileSync(join(dir, 'chart.png')));
        // the billable bars' blue (#2f6fb3) is on the picture: it is a chart, not a blank page
        let blue = 0;
        for (let i = 0; i < data.length; i += channels)
          if (Math.abs(data[i] - 0x2f) < 8 && Math.abs(data[i + 1] - 0x6f) < 8 && Math.abs(data[i + 2] - 0xb3) < 8) blue++;
        expect(blue).toBeGreaterThan(500);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
