/**
 * The invoice-ready figures outside reports: one line per billable work item (CSV) and billable vs
 * non-billable hours per month (SVG chart), from the same stored quantities and the same money rule.
 */
import { stringify } from 'csv-stringify/sync';
import * as echarts from 'echarts';
import { Client } from '../../entities/client.entity';
import { monthOf } from '../database/date-buckets';
import { dbTime, parseDbTime } from '../database/db-time';
import { dialectOf } from '../database/dialect';
import { BadInputError } from '../core/errors';
import { findOrFail } from '../kit/find-or-fail';
import { amountForCentiminutes, minutesOfCentiminutes } from './money';
import { assertAfter } from '../tracking/time-rules';
import type { Scope } from '../kit/scope';

export enum InvoiceColumn {
  DATE = 'DATE',
  SESSION = 'SESSION',
  TECHNICIAN = 'TECHNICIAN',
  CATEGORY = 'CATEGORY',
  LABOR_TYPE = 'LABOR_TYPE',
  DESCRIPTION = 'DESCRIPTION',
  ACTUAL_MINUTES = 'ACTUAL_MINUTES',
  BILLABLE_MINUTES = 'BILLABLE_MINUTES',
  RATE = 'RATE',
  AMOUNT = 'AMOUNT',
  BILLED = 'BILLED',
  PSA_TICKET = 'PSA_TICKET',
  PREPAID_MINUTES = 'PREPAID_MINUTES',
  OVERAGE_AMOUNT = 'OVERAGE_AMOUNT',
}

/** The columns when none are asked for: those of an invoice. */
export const DEFAULT_INVOICE_COLUMNS: InvoiceColumn[] = Object.values(InvoiceColumn).slice(0, 12);

export interface ExportCriteria {
  clientId: string | number;
  from: Date;
  to: Date;
}

/** One billable work item as it goes on an invoice. */
export interface InvoiceLine {
  date: string;
  sessionId: number;
  technician: string | null;
  category: string;
  laborType: string | null;
  description: string;
  actualMinutes: number;
  billableCentiminutes: number;
  prepaidCentiminutes: number;
  rateCents: number;
  amountCents: number;
  overageCents: number;
  billed: boolean;
  psaTicket: string | null;
}

const MAX_YEARS = 10;
/** Lines one export may hold: a larger one asks for a shorter period. */
export const MAX_EXPORT_LINES = 100_000;

function validate(criteria: ExportCriteria): void {
  assertAfter(criteria.to, criteria.from, 'to', 'from');
  const limit = new Date(criteria.from);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_YEARS);
  if (criteria.to.getTime() > limit.getTime()) throw new BadInputError('to', `an export spans at most ${MAX_YEARS} years`);
}

const localDates = new Map<string, Intl.DateTimeFormat>();
/** The calendar date of `at` in the client's time zone, "2025-10-07". */
function localDate(at: Date, timeZone: string): string {
  let format = localDates.get(timeZone);
  if (!format)
    localDates.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(at);
}

/**
 * The client's billable work items in sessions started in [from, to), oldest first: one statement
 * (two with the client lookup), whatever their number. Amounts per line by the one money rule.
 */
export async function invoiceLines(scope: Scope, criteria: ExportCriteria): Promise<{ client: Client; lines: InvoiceLine[] }> {
  validate(criteria);
  const manager = scope.db.manager;
  const client = await findOrFail(manager, Client, criteria.clientId, 'clientId');
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT w.started_at, w.session_id, u.display_name AS technician, w.category, lt.name AS labor_type, w.description, w.minutes, ` +
      `w.billable_centiminutes, w.prepaid_centiminutes, w.billed_at, s.billed_rate_cents, ` +
      `(SELECT MIN(COALESCE(t.ticket_number, t.ticket_id)) FROM ticket_links t WHERE t.session_id = s.id) AS psa_ticket ` +
      `FROM work_items w JOIN sessions s ON s.id = w.session_id LEFT JOIN labor_types lt ON lt.id = w.labor_type_id LEFT JOIN users u ON u.id = w.technician_id ` +
      `WHERE s.client_id = ? AND s.started_at >= ? AND s.started_at < ? AND w.billable = 1 ORDER BY s.started_at, w.started_at, w.id LIMIT ${MAX_EXPORT_LINES + 1}`,
    [client.id, dbTime(criteria.from), dbTime(criteria.to)],
  );
  if (rows.length > MAX_EXPORT_LINES) throw new BadInputError('to', `more than ${MAX_EXPORT_LINES} lines: export a shorter period`);
  const lines = rows.map((row) => {
    const billed = row.billed_at != null;
    const rateCents = billed ? Number(row.billed_rate_cents ?? 0) : client.hourlyRateCents;
    const billable = Number(row.billable_centiminutes);
    const prepaid = Number(row.prepaid_centiminutes);
    return {
      date: localDate(parseDbTime(row.started_at as Date | string), client.timeZone),
      sessionId: Number(row.session_id),
      technician: (row.technician as string | null) ?? null,
      category: String(row.category),
      laborType: (row.labor_type as string | null) ?? null,
      description: String(row.description),
      actualMinutes: Number(row.minutes),
      billableCentiminutes: billable,
      prepaidCentiminutes: prepaid,
      rateCents,
      amountCents: amountForCentiminutes(billable, rateCents),
      overageCents: amountForCentiminutes(billable - prepaid, rateCents),
      billed,
      psaTicket: (row.psa_ticket as string | null) ?? null,
    };
  });
  return { client, lines };
}

const decimal = (cents: number) =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

/** Free text a spreadsheet would run as a formula (=, +, -, @ first) is kept as text by a leading apostrophe. */
const asText = (value: string | null) => (value && /^[=+\-@\t\r]/.test(value) ? `'${value}` : (value ?? ''));

const COLUMN: Record<InvoiceColumn, { header: string; value: (line: InvoiceLine) => string }> = {
  DATE: { header: 'Date', value: (l) => l.date },
  SESSION: { header: 'Session', value: (l) => String(l.sessionId) },
  TECHNICIAN: { header: 'Technician', value: (l) => asText(l.technician) },
  CATEGORY: { header: 'Category', value: (l) => l.category },
  LABOR_TYPE: { header: 'Labor type', value: (l) => asText(l.laborType) },
  DESCRIPTION: { header: 'Description', value: (l) => asText(l.description) },
  ACTUAL_MINUTES: { header: 'Actual minutes', value: (l) => String(l.actualMinutes) },
  BILLABLE_MINUTES: { header: 'Billable minutes', value: (l) => String(minutesOfCentiminutes(l.billableCentiminutes)) },
  RATE: { header: 'Rate', value: (l) => decimal(l.rateCents) },
  AMOUNT: { header: 'Amount', value: (l) => decimal(l.amountCents) },
  BILLED: { header: 'Billed', value: (l) => (l.billed ? 'yes' : 'no') },
  PSA_TICKET: { header: 'PSA ticket', value: (l) => asText(l.psaTicket) },
  PREPAID_MINUTES: { header: 'Prepaid minutes', value: (l) => String(minutesOfCentiminutes(l.prepaidCentiminutes)) },
  OVERAGE_AMOUNT: { header: 'Overage amount', value: (l) => decimal(l.overageCents) },
};

/** The lines as RFC 4180 CSV (CRLF line ends, quotes where needed), with a header row. */
export function invoiceCsv(lines: InvoiceLine[], columns: InvoiceColumn[] = DEFAULT_INVOICE_COLUMNS): string {
  const chosen = columns.length ? [...new Set(columns)] : DEFAULT_INVOICE_COLUMNS;
  for (const c of chosen)
    if (!COLUMN[c])
      throw new BadInputError('columns', `${String(c)} is not a column; choose from ${Object.values(InvoiceColumn).join(', ')}`);
  return stringify([chosen.map((c) => COLUMN[c].header), ...lines.map((line) => chosen.map((c) => COLUMN[c].value(line)))], {
    record_delimiter: '\r\n',
  });
}

export async function workItemsCsv(scope: Scope, criteria: ExportCriteria, columns?: InvoiceColumn[]): Promise<string> {
  const { lines } = await invoiceLines(scope, criteria);
  return invoiceCsv(lines, columns);
}

// ---------------------------------------------------------------- hours by month

export interface MonthHours {
  month: string;
  billableHours: number;
  nonBillableHours: number;
  prepaidHours: number;
}

/** "2025-10", … for every UTC month [from, to) touches. */
export function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  const at = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (at.getTime() < to.getTime()) {
    months.push(at.toISOString().slice(0, 7));
    at.setUTCMonth(at.getUTCMonth() + 1);
  }
  return months;
}

/** Billable (after the rules) and non-billable (as logged) hours and prepaid hours drawn, per UTC month of the session start: one statement. */
export async function hoursByMonth(scope: Scope, criteria: ExportCriteria): Promise<{ client: Client; months: MonthHours[] }> {
  validate(criteria);
  const manager = scope.db.manager;
  const client = await findOrFail(manager, Client, criteria.clientId, 'clientId');
  const month = monthOf(dialectOf(manager.connection), 's.started_at');
  const rows: { month: string; billable_cm: unknown; non_billable_minutes: unknown; prepaid_cm: unknown }[] = await manager.query(
    `SELECT ${month} AS month, COALESCE(SUM(w.billable_centiminutes), 0) AS billable_cm, ` +
      `COALESCE(SUM(CASE WHEN w.billable = 1 THEN 0 ELSE w.minutes END), 0) AS non_billable_minutes, COALESCE(SUM(w.prepaid_centiminutes), 0) AS prepaid_cm ` +
      `FROM sessions s JOIN work_items w ON w.session_id = s.id WHERE s.client_id = ? AND s.started_at >= ? AND s.started_at < ? GROUP BY ${month}`,
    [client.id, dbTime(criteria.from), dbTime(criteria.to)],
  );
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const hours = (n: number, per: number) => Math.round((n / per) * 100) / 100;
  return {
    client,
    months: monthsBetween(criteria.from, criteria.to).map((m) => {
      const row = byMonth.get(m);
      return {
        month: m,
        billableHours: hours(Number(row?.billable_cm ?? 0), 6000),
        nonBillableHours: hours(Number(row?.non_billable_minutes ?? 0), 60),
        prepaidHours: hours(Number(row?.prepaid_cm ?? 0), 6000),
      };
    }),
  };
}

export const CHART_COLORS = { billable: '#2f6fb3', nonBillable: '#b8c4d0', prepaid: '#d9822b' };

/** The chart as SVG, rendered by echarts on the server (no browser, no canvas). */
export function hoursChartSvg(title: string, months: MonthHours[], size = { width: 900, height: 420 }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({
      animation: false,
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      legend: { bottom: 0, data: ['Billable hours', 'Non-billable hours', 'Prepaid hours used'] },
      grid: { left: 60, right: 30, top: 50, bottom: 60 },
      xAxis: { type: 'category', name: 'Month', nameLocation: 'middle', nameGap: 28, data: months.map((m) => m.month) },
      yAxis: { type: 'value', name: 'Hours' },
      series: [
        { name: 'Billable hours', type: 'bar', stack: 'hours', color: CHART_COLORS.billable, data: months.map((m) => m.billableHours) },
        {
          name: 'Non-billable hours',
          type: 'bar',
          stack: 'hours',
          color: CHART_COLORS.nonBillable,
          data: months.map((m) => m.nonBillableHours),
        },
        { name: 'Prepaid hours used', type: 'line', color: CHART_COLORS.prepaid, data: months.map((m) => m.prepaidHours) },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export async function hoursByMonthSvg(scope: Scope, criteria: ExportCriteria): Promise<string> {
  const { client, months } = await hoursByMonth(scope, criteria);
  if (months.length > MAX_YEARS * 12) throw new BadInputError('to', `a chart shows at most ${MAX_YEARS * 12} months`);
  return hoursChartSvg(`${client.name}: hours by month`, months);
}
