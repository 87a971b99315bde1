import { performance } from 'node:perf_hooks';
import { Database } from '../src/database/database';
import { countStatements, TestApp } from '../test/helpers/test-app';

/** Rows an operation reads to answer, and the length of their text: the work behind its latency. */
export interface Footprint {
  /** Singular and plural. */
  noun: [string, string];
  rows: number;
  bytes: number;
}

/** The text columns of the tables operations summarise, and how a row is called in the output. */
const TABLES = {
  sessions: { noun: ['session', 'sessions'], text: ['title', 'summary'] },
  work_items: { noun: ['work item', 'work items'], text: ['description'] },
  commands_run: {
    noun: ['command', 'commands'],
    text: ['command', 'host', 'shell', 'output_excerpt', 'error_message', 'failure_signature'],
  },
  infrastructure: { noun: ['host', 'hosts'], text: ['hostname', 'os', 'os_version', 'ip_addresses', 'environmental_notes'] },
  environmental_insights: { noun: ['insight', 'insights'], text: ['insight', 'source_failure_ids'] },
  failure_patterns: {
    noun: ['pattern', 'patterns'],
    text: ['signature', 'description', 'environment_conditions', 'recommended_alternative'],
  },
  pending_tasks: { noun: ['open task', 'open tasks'], text: ['title', 'notes'] },
  search_documents: { noun: ['search document', 'search documents'], text: ['title', 'body'] },
  machines: { noun: ['machine', 'machines'], text: ['hostname', 'username', 'home_directory', 'preferred_shell', 'capabilities'] },
} satisfies Record<string, { noun: [string, string]; text: string[] }>;

/** Count and text length of the rows of `table` matching `where` (`?` placeholders), in one statement. */
export async function rowsOf(db: Database, table: keyof typeof TABLES, where = '1 = 1', params: unknown[] = []): Promise<Footprint> {
  const { noun, text } = TABLES[table];
  const length = text.map((column) => `COALESCE(LENGTH(${column}), 0)`).join(' + ');
  const [row] = await db.manager.query(`SELECT COUNT(*) AS n, COALESCE(SUM(${length}), 0) AS bytes FROM ${table} WHERE ${where}`, params);
  return { noun, rows: Number(row.n), bytes: Number(row.bytes) };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function describe(parts: Footprint[]): string {
  if (!parts.length) return 'summarises no rows';
  const rows = parts.reduce((sum, p) => sum + p.rows, 0);
  const bytes = parts.reduce((sum, p) => sum + p.bytes, 0);
  const counted = (n: number, [one, many]: [string, string]) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  const total = parts.length > 1 ? ` = ${counted(rows, ['row', 'rows'])}` : '';
  return `summarises ${parts.map((p) => counted(p.rows, p.noun)).join(' + ')}${total} / ${kib(bytes)} of text`;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export interface MeasureOptions<P> {
  runs: number;
  /** Untimed set-up before each run (a fresh session to end); its result goes to the call. */
  prepare?: () => Promise<P>;
  /** What the call reads, counted once before the runs (from the first prepared value). */
  footprint?: (prepared: P) => Promise<Footprint[]>;
}

/**
 * Runs `call` once to warm up, then `runs` times, and prints the SQL statements of a run (a range when
 * runs differ, for example when the token-check cache expires mid-run), p50/p95/p99 of the call alone
 * (not of prepare or the statement counter's own request) and the answer's size.
 */
export async function measure<P = undefined>(
  app: TestApp,
  name: string,
  call: (prepared: P) => Promise<unknown>,
  options: MeasureOptions<P>,
) {
  const prepare = options.prepare ?? (async () => undefined as P);
  const first = await prepare();
  const read = options.footprint ? `  ${describe(await options.footprint(first))}` : '';
  await call(first);
  const times: number[] = [];
  const statements = new Set<number>();
  let bytes = 0;
  for (let i = 0; i < options.runs; i++) {
    const prepared = await prepare();
    const counted = await countStatements(app, async () => {
      const start = performance.now();
      bytes = JSON.stringify(await call(prepared)).length;
      times.push(performance.now() - start);
    });
    statements.add(counted);
  }
  times.sort((a, b) => a - b);
  const ms = (v: number) => v.toFixed(1).padStart(7);
  const [fewest, most] = [Math.min(...statements), Math.max(...statements)];
  console.log(
    `  ${name.padEnd(34)} statements ${(fewest === most ? `${most}` : `${fewest}-${most}`).padStart(3)}  p50 ${ms(percentile(times, 50))} ms  p95 ${ms(percentile(times, 95))} ms  p99 ${ms(percentile(times, 99))} ms  answer ${kib(bytes).padStart(10)}${read}`,
  );
}
