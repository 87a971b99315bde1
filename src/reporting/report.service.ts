import { SessionMode } from '../../entities/session.entity';
import { WorkCategory } from '../../entities/work-item.entity';
import { monthOf } from '../database/date-buckets';
import { dbTime } from '../database/db-time';
import { dialectOf } from '../database/dialect';
import { BadInputError, NotFoundError } from '../core/errors';
import { assertAfter } from '../tracking/time-rules';
import {
  amountSql,
  formatHours,
  formatHoursOfCentiminutes,
  formatMoney,
  hoursOf,
  hoursOfCentiminutes,
  minutesOfCentiminutes,
} from '../billing/money';
import type { Dialect } from '../database/dialect';
import type { Scope } from '../kit/scope';

/** What a report can be broken down by; the groups are always ordered in this order of keys. */
export enum ReportGrouping {
  CLIENT = 'CLIENT',
  PROJECT = 'PROJECT',
  CATEGORY = 'CATEGORY',
  MONTH = 'MONTH',
  MACHINE = 'MACHINE',
  LABOR_TYPE = 'LABOR_TYPE',
  TECHNICIAN = 'TECHNICIAN',
}

/** Which sessions a report covers: those started in [from, to), narrowed by the optional conditions. */
export interface ReportCriteria {
  clientId?: string | number | null;
  projectId?: string | number | null;
  from: Date;
  to: Date;
  mode?: SessionMode | null;
}

/** The values a group stands for; a key that is not grouped by stays null. */
export interface ReportKey {
  clientId: number | null;
  clientName: string | null;
  projectId: number | null;
  projectName: string | null;
  category: WorkCategory | null;
  month: string | null;
  machineId: number | null;
  machineHostname: string | null;
  laborTypeId: number | null;
  laborTypeName: string | null;
  technicianId: number | null;
  technicianName: string | null;
}

export interface ReportFigures {
  /** Distinct sessions. */
  sessions: number;
  /** Logged work-item minutes / 60, rounded to hundredths. */
  hours: number;
  minutes: number;
  /** Actual minutes of billable work items. */
  actualBillableMinutes: number;
  actualBillableHours: number;
  /** Billable quantity after the labor-type rules (minutes, exact to the hundredth). */
  billableMinutes: number;
  billableHours: number;
  /** Every billable line at the rate that applies (billed rate once billed, else the current one), each line rounded once. */
  billableValueCents: number;
  billableValue: string;
  /** The billed lines' value at their billed rate. */
  amountBilledCents: number;
  /** amountBilledCents as "$1,234.56". */
  billedAmount: string;
  unbilledCents: number;
  unbilledAmount: string;
  /** Billable quantity drawn from prepaid blocks, and the rest (overage), in hours. */
  prepaidHours: number;
  overageHours: number;
  /** The overage quantity of each line at its rate, each line rounded once. */
  overageCents: number;
  overageAmount: string;
}

export interface ReportGroup {
  key: ReportKey;
  figures: ReportFigures;
}

export interface ReportAnswer {
  groups: ReportGroup[];
  total: ReportFigures;
  text: string;
}

const MAX_SPAN_YEARS = 10;
/** Group lines in `text`; the rest are counted in a last line. */
export const MAX_TEXT_GROUPS = 30;

const NO_KEY: ReportKey = {
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

// ---------------------------------------------------------------- figures and formatting (integers only)

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const FIGURE_COLUMNS = [
  'sessions',
  'minutes',
  'actual_billable_minutes',
  'billable_cm',
  'prepaid_cm',
  'value_cents',
  'billed_cents',
  'overage_cents',
] as const;
type FigureRow = Record<(typeof FIGURE_COLUMNS)[number], unknown>;

/** SQL aggregates arrive as numbers (SQLite), or as strings for SUM's DECIMAL (MariaDB). */
function figuresOf(row: FigureRow): ReportFigures {
  const n = (column: keyof FigureRow) => Number(row[column] ?? 0);
  const minutes = n('minutes');
  const actualBillable = n('actual_billable_minutes');
  const billable = n('billable_cm');
  const prepaid = n('prepaid_cm');
  // sums of per-line amounts, each line rounded once by the money rule: the parts add up exactly
  const value = n('value_cents');
  const billed = n('billed_cents');
  const overage = n('overage_cents');
  return {
    sessions: n('sessions'),
    hours: hoursOf(minutes),
    minutes,
    actualBillableMinutes: actualBillable,
    actualBillableHours: hoursOf(actualBillable),
    billableMinutes: minutesOfCentiminutes(billable),
    billableHours: hoursOfCentiminutes(billable),
    billableValueCents: value,
    billableValue: formatMoney(value),
    amountBilledCents: billed,
    billedAmount: formatMoney(billed),
    unbilledCents: value - billed,
    unbilledAmount: formatMoney(value - billed),
    prepaidHours: hoursOfCentiminutes(prepaid),
    overageHours: hoursOfCentiminutes(billable - prepaid),
    overageCents: overage,
    overageAmount: formatMoney(overage),
  };
}

// ---------------------------------------------------------------- period label

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Midnight UTC on the first of month `month` (may overflow into later years) of `year`. */
function monthStart(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 1); // unlike Date.UTC, right for years 0-99 too
  return date.getTime();
}

const day = (at: Date | number) => new Date(at).toISOString().slice(0, 10);

/** "Q4 2025", "October 2025", "2025" for whole UTC calendar periods, else "2025-10-03 to 2025-11-17" (last day included). */
export function periodLabel(from: Date, to: Date): string {
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth();
  if (from.getTime() === monthStart(year, month)) {
    const end = to.getTime();
    if (end === monthStart(year, month + 1)) return `${MONTH_NAMES[month]} ${year}`;
    if (month % 3 === 0 && end === monthStart(year, month + 3)) return `Q${month / 3 + 1} ${year}`;
    if (month === 0 && end === monthStart(year, 12)) return String(year);
  }
  const first = day(from);
  const last = day(to.getTime() - 1);
  return first === last ? first : `${first} to ${last}`;
}

const keyLabel = (grouping: ReportGrouping, key: ReportKey): string => {
  switch (grouping) {
    case ReportGrouping.CLIENT:
      return key.clientName ?? '(no client)';
    case ReportGrouping.PROJECT:
      return key.projectName ?? '(no project)';
    case ReportGrouping.CATEGORY:
      return key.category ?? '(no category)';
    case ReportGrouping.MONTH:
      return key.month ?? '(no month)';
    case ReportGrouping.MACHINE:
      return key.machineHostname ?? '(no machine)';
    case ReportGrouping.LABOR_TYPE:
      return key.laborTypeName ?? '(no labor type)';
    case ReportGrouping.TECHNICIAN:
      return key.technicianName ?? '(no technician)';
  }
};

const summary = (f: ReportFigures) => `${plural(f.sessions, 'session')}, ${formatHours(f.minutes)} hours`;
const money = (f: ReportFigures) => `${f.billableValue} billable, ${f.billedAmount} billed`;

function reportText(label: string, from: Date, to: Date, groupBy: ReportGrouping[], groups: ReportGroup[], total: ReportFigures): string {
  const lines = [`${label} - ${periodLabel(from, to)}: ${summary(total)}, ${money(total)}`];
  if (groupBy.length) {
    for (const group of groups.slice(0, MAX_TEXT_GROUPS)) {
      const f = group.figures;
      lines.push(
        `- ${groupBy.map((g) => keyLabel(g, group.key)).join(' / ')}: ${summary(f)}, ${formatHoursOfCentiminutes(Math.round(f.billableMinutes * 100))} billable hours, ${money(f)}`,
      );
    }
    const more = groups.length - MAX_TEXT_GROUPS;
    if (more > 0) lines.push(`… and ${plural(more, 'more group')}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------- SQL

/** Per grouping: the joins it needs, its key columns, and its sort keys (nulls last, ids break ties of equal names). */
interface KeySql {
  join?: string;
  select: string[];
  groupBy: string[];
  orderBy: string[];
}

function keySql(grouping: ReportGrouping, month: string): KeySql {
  switch (grouping) {
    case ReportGrouping.CLIENT:
      return {
        select: ['s.client_id AS client_id', 'c.name AS client_name'],
        groupBy: ['s.client_id', 'c.name'],
        orderBy: ['c.name IS NULL', 'c.name', 's.client_id'],
      };
    case ReportGrouping.PROJECT:
      return {
        join: 'LEFT JOIN projects p ON p.id = s.project_id',
        select: ['s.project_id AS project_id', 'p.name AS project_name'],
        groupBy: ['s.project_id', 'p.name'],
        orderBy: ['p.name IS NULL', 'p.name', 's.project_id'],
      };
    case ReportGrouping.CATEGORY:
      return { select: ['w.category AS category'], groupBy: ['w.category'], orderBy: ['w.category IS NULL', 'w.category'] };
    case ReportGrouping.MONTH:
      return { select: [`${month} AS month`], groupBy: [month], orderBy: [month] };
    case ReportGrouping.MACHINE:
      return {
        join: 'LEFT JOIN machines m ON m.id = s.machine_id',
        select: ['s.machine_id AS machine_id', 'm.hostname AS machine_hostname'],
        groupBy: ['s.machine_id', 'm.hostname'],
        orderBy: ['m.hostname IS NULL', 'm.hostname', 's.machine_id'],
      };
    case ReportGrouping.LABOR_TYPE:
      return {
        join: 'LEFT JOIN labor_types lt ON lt.id = w.labor_type_id',
        select: ['w.labor_type_id AS labor_type_id', 'lt.name AS labor_type_name'],
        groupBy: ['w.labor_type_id', 'lt.name'],
        orderBy: ['lt.name IS NULL', 'lt.name', 'w.labor_type_id'],
      };
    case ReportGrouping.TECHNICIAN:
      return {
        join: 'LEFT JOIN users u ON u.id = w.technician_id',
        select: ['w.technician_id AS technician_id', 'u.display_name AS technician_name'],
        groupBy: ['w.technician_id', 'u.display_name'],
        orderBy: ['u.display_name IS NULL', 'u.display_name', 'w.technician_id'],
      };
  }
}

/** The rate a line bills at: the session's billed rate once billed, else the client's current rate. */
const RATE_SQL = 'CASE WHEN w.billed_at IS NOT NULL THEN COALESCE(s.billed_rate_cents, 0) ELSE COALESCE(c.hourly_rate_cents, 0) END';

/**
 * The figures over sessions `s` LEFT JOIN their work items `w` (a session without items counts with 0
 * minutes) and their client `c`. Booleans are stored as 1/0 on both databases. Money is summed per
 * line, each line rounded once by the rule in money.ts.
 */
const figuresSql = (dialect: Dialect) =>
  [
    'COUNT(DISTINCT s.id) AS sessions',
    'COALESCE(SUM(w.minutes), 0) AS minutes',
    'COALESCE(SUM(CASE WHEN w.billable = 1 THEN w.minutes ELSE 0 END), 0) AS actual_billable_minutes',
    'COALESCE(SUM(w.billable_centiminutes), 0) AS billable_cm',
    'COALESCE(SUM(w.prepaid_centiminutes), 0) AS prepaid_cm',
    `COALESCE(SUM(${amountSql(dialect, 'w.billable_centiminutes', RATE_SQL)}), 0) AS value_cents`,
    `COALESCE(SUM(CASE WHEN w.billed_at IS NOT NULL THEN ${amountSql(dialect, 'w.billable_centiminutes', RATE_SQL)} ELSE 0 END), 0) AS billed_cents`,
    `COALESCE(SUM(${amountSql(dialect, 'w.billable_centiminutes - w.prepaid_centiminutes', RATE_SQL)}), 0) AS overage_cents`,
  ].join(', ');

const FROM_SQL = 'FROM sessions s LEFT JOIN work_items w ON w.session_id = s.id LEFT JOIN clients c ON c.id = s.client_id';

function whereOf(criteria: ReportCriteria): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, param: unknown) => {
    conditions.push(sql);
    params.push(param);
  };
  add('s.started_at >= ?', dbTime(criteria.from));
  add('s.started_at < ?', dbTime(criteria.to));
  if (criteria.clientId != null) add('s.client_id = ?', Number(criteria.clientId));
  if (criteria.projectId != null) add('s.project_id = ?', Number(criteria.projectId));
  if (criteria.mode != null) add('s.mode = ?', criteria.mode);
  return { sql: `WHERE ${conditions.join(' AND ')}`, params };
}

const idOrNull = (value: unknown): number | null => (value == null ? null : Number(value));

function validate(criteria: ReportCriteria, groupBy: ReportGrouping[]): void {
  assertAfter(criteria.to, criteria.from, 'filter.to', 'filter.from');
  const limit = new Date(criteria.from);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_SPAN_YEARS);
  if (criteria.to.getTime() > limit.getTime()) {
    throw new BadInputError(
      'filter.to',
      `a report spans at most ${MAX_SPAN_YEARS} years; ${criteria.to.toISOString()} is after ${limit.toISOString()}`,
    );
  }
  const seen = new Set<ReportGrouping>();
  for (const grouping of groupBy) {
    if (!Object.values(ReportGrouping).includes(grouping)) throw new BadInputError('groupBy', `${String(grouping)} is not a grouping`);
    if (seen.has(grouping)) throw new BadInputError('groupBy', `${grouping} is given twice; group by each key at most once`);
    seen.add(grouping);
  }
}

/**
 * Sessions, hours, billable hours and billed amounts of the sessions started in [from, to), in total and
 * per group. Two SQL statements whatever the number of sessions: the total (which also looks up the
 * filter's client and project, for NOT_FOUND and the label) and, when grouping, the groups.
 */
export async function report(scope: Scope, criteria: ReportCriteria, groupBy: ReportGrouping[] = []): Promise<ReportAnswer> {
  validate(criteria, groupBy);
  const manager = scope.db.manager;
  const where = whereOf(criteria);
  const FIGURES_SQL = figuresSql(dialectOf(manager.connection));

  const [totalRow] = (await manager.query(
    `SELECT ${FIGURE_COLUMNS.map((c) => `t.${c}`).join(', ')}, fc.id AS filter_client_id, fc.name AS filter_client_name, fp.id AS filter_project_id, fp.name AS filter_project_name ` +
      `FROM (SELECT ${FIGURES_SQL} ${FROM_SQL} ${where.sql}) t LEFT JOIN clients fc ON fc.id = ? LEFT JOIN projects fp ON fp.id = ?`,
    [...where.params, idOrNull(criteria.clientId), idOrNull(criteria.projectId)],
  )) as (FigureRow & {
    filter_client_id: unknown;
    filter_client_name: string | null;
    filter_project_id: unknown;
    filter_project_name: string | null;
  })[];
  if (criteria.clientId != null && totalRow.filter_client_id == null)
    throw new NotFoundError('Client', criteria.clientId, 'filter.clientId');
  if (criteria.projectId != null && totalRow.filter_project_id == null)
    throw new NotFoundError('Project', criteria.projectId, 'filter.projectId');
  const total = figuresOf(totalRow);

  const ordered = Object.values(ReportGrouping).filter((g) => groupBy.includes(g));
  let groups: ReportGroup[];
  if (!ordered.length) {
    groups = total.sessions ? [{ key: { ...NO_KEY }, figures: total }] : [];
  } else {
    const keys = ordered.map((g) => keySql(g, monthOf(dialectOf(manager.connection), 's.started_at')));
    const rows: (FigureRow & Record<string, unknown>)[] = await manager.query(
      `SELECT ${keys.flatMap((k) => k.select).join(', ')}, ${FIGURES_SQL} ${FROM_SQL} ` +
        `${keys
          .map((k) => k.join ?? '')
          .filter(Boolean)
          .join(' ')} ${where.sql} ` +
        `GROUP BY ${keys.flatMap((k) => k.groupBy).join(', ')} ORDER BY ${keys.flatMap((k) => k.orderBy).join(', ')}`,
      where.params,
    );
    groups = rows.map((row) => ({
      key: {
        clientId: idOrNull(row.client_id),
        clientName: (row.client_name as string | null) ?? null,
        projectId: idOrNull(row.project_id),
        projectName: (row.project_name as string | null) ?? null,
        category: (row.category as WorkCategory | null) ?? null,
        month: (row.month as string | null) ?? null,
        machineId: idOrNull(row.machine_id),
        machineHostname: (row.machine_hostname as string | null) ?? null,
        laborTypeId: idOrNull(row.labor_type_id),
        laborTypeName: (row.labor_type_name as string | null) ?? null,
        technicianId: idOrNull(row.technician_id),
        technicianName: (row.technician_name as string | null) ?? null,
      },
      figures: figuresOf(row),
    }));
  }

  const label = totalRow.filter_client_name ?? totalRow.filter_project_name ?? 'All clients';
  return { groups, total, text: reportText(label, criteria.from, criteria.to, ordered, groups, total) };
}
