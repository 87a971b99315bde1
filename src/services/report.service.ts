import { SessionMode } from '../../entities/session.entity';
import { WorkCategory } from '../../entities/work-item.entity';
import type { Scope } from '../context';
import { monthOf } from '../database/date-buckets';
import { dbTime } from '../database/db-time';
import { dialectOf } from '../database/dialect';
import { BadInputError, NotFoundError } from '../errors';
import { assertAfter } from './time-rules';
import { centsOfMinuteCents, formatHours, formatMoney, hoursOf } from './money';

/** What a report can be broken down by; the groups are always ordered in this order of keys. */
export enum ReportGrouping {
  CLIENT = 'CLIENT',
  PROJECT = 'PROJECT',
  CATEGORY = 'CATEGORY',
  MONTH = 'MONTH',
  MACHINE = 'MACHINE',
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
}

export interface ReportFigures {
  /** Distinct sessions. */
  sessions: number;
  /** Logged work-item minutes / 60, rounded to hundredths. */
  hours: number;
  minutes: number;
  billableMinutes: number;
  billableHours: number;
  /** Billed billable minutes × the session's billed rate / 60, rounded half up once per group. */
  amountBilledCents: number;
  /** amountBilledCents as "$1,234.56". */
  billedAmount: string;
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

const NO_KEY: ReportKey = { clientId: null, clientName: null, projectId: null, projectName: null, category: null, month: null, machineId: null, machineHostname: null };

// ---------------------------------------------------------------- figures and formatting (integers only)

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

interface FigureRow {
  sessions: unknown;
  minutes: unknown;
  billable_minutes: unknown;
  billed_minute_cents: unknown;
}

/** SQL aggregates arrive as numbers (SQLite), or as strings for SUM's DECIMAL (MariaDB). */
function figuresOf(row: FigureRow): ReportFigures {
  const minutes = Number(row.minutes ?? 0);
  const billableMinutes = Number(row.billable_minutes ?? 0);
  // exact integer sum of minutes × cents-per-hour; one rounding (half up) to whole cents per group
  const amountBilledCents = centsOfMinuteCents(Number(row.billed_minute_cents ?? 0));
  return {
    sessions: Number(row.sessions ?? 0),
    hours: hoursOf(minutes),
    minutes,
    billableMinutes,
    billableHours: hoursOf(billableMinutes),
    amountBilledCents,
    billedAmount: formatMoney(amountBilledCents),
  };
}

// ---------------------------------------------------------------- period label

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

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
  }
};

const summary = (f: ReportFigures) => `${plural(f.sessions, 'session')}, ${formatHours(f.minutes)} hours`;

function reportText(label: string, from: Date, to: Date, groupBy: ReportGrouping[], groups: ReportGroup[], total: ReportFigures): string {
  const lines = [`${label} - ${periodLabel(from, to)}: ${summary(total)}, ${total.billedAmount} billed`];
  if (groupBy.length) {
    for (const group of groups.slice(0, MAX_TEXT_GROUPS)) {
      const f = group.figures;
      lines.push(`- ${groupBy.map((g) => keyLabel(g, group.key)).join(' / ')}: ${summary(f)}, ${formatHours(f.billableMinutes)} billable, ${f.billedAmount} billed`);
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
        join: 'LEFT JOIN clients c ON c.id = s.client_id',
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
  }
}

/**
 * The figures over sessions `s` LEFT JOIN their work items `w` (a session without items counts with 0
 * minutes). Booleans are stored as 1/0 on both databases.
 */
const FIGURES_SQL = [
  'COUNT(DISTINCT s.id) AS sessions',
  'COALESCE(SUM(w.minutes), 0) AS minutes',
  'COALESCE(SUM(CASE WHEN w.billable = 1 THEN w.minutes ELSE 0 END), 0) AS billable_minutes',
  'COALESCE(SUM(CASE WHEN w.billable = 1 AND w.billed_at IS NOT NULL THEN w.minutes * COALESCE(s.billed_rate_cents, 0) ELSE 0 END), 0) AS billed_minute_cents',
].join(', ');

const FROM_SQL = 'FROM sessions s LEFT JOIN work_items w ON w.session_id = s.id';

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
    throw new BadInputError('filter.to', `a report spans at most ${MAX_SPAN_YEARS} years; ${criteria.to.toISOString()} is after ${limit.toISOString()}`);
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

  const [totalRow] = (await manager.query(
    `SELECT t.sessions, t.minutes, t.billable_minutes, t.billed_minute_cents, fc.id AS filter_client_id, fc.name AS filter_client_name, fp.id AS filter_project_id, fp.name AS filter_project_name ` +
      `FROM (SELECT ${FIGURES_SQL} ${FROM_SQL} ${where.sql}) t LEFT JOIN clients fc ON fc.id = ? LEFT JOIN projects fp ON fp.id = ?`,
    [...where.params, idOrNull(criteria.clientId), idOrNull(criteria.projectId)],
  )) as (FigureRow & { filter_client_id: unknown; filter_client_name: string | null; filter_project_id: unknown; filter_project_name: string | null })[];
  if (criteria.clientId != null && totalRow.filter_client_id == null) throw new NotFoundError('Client', criteria.clientId, 'filter.clientId');
  if (criteria.projectId != null && totalRow.filter_project_id == null) throw new NotFoundError('Project', criteria.projectId, 'filter.projectId');
  const total = figuresOf(totalRow);

  const ordered = Object.values(ReportGrouping).filter((g) => groupBy.includes(g));
  let groups: ReportGroup[];
  if (!ordered.length) {
    groups = total.sessions ? [{ key: { ...NO_KEY }, figures: total }] : [];
  } else {
    const keys = ordered.map((g) => keySql(g, monthOf(dialectOf(manager.connection), 's.started_at')));
    const rows: (FigureRow & Record<string, unknown>)[] = await manager.query(
      `SELECT ${keys.flatMap((k) => k.select).join(', ')}, ${FIGURES_SQL} ${FROM_SQL} ` +
        `${keys.map((k) => k.join ?? '').filter(Boolean).join(' ')} ${where.sql} ` +
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
      },
      figures: figuresOf(row),
    }));
  }

  const label = totalRow.filter_client_name ?? totalRow.filter_project_name ?? 'All clients';
  return { groups, total, text: reportText(label, criteria.from, criteria.to, ordered, groups, total) };
}
