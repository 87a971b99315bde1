/**
 * The agent-operations section of `npm run bench`: the calls an agent makes during its work, measured
 * through the SDK on a generated year of an MSP's work (see bench-agent-data.ts).
 */
import { performance } from 'node:perf_hooks';
import { Client } from '../entities/client.entity';
import { Infrastructure } from '../entities/infrastructure.entity';
import { Database } from '../src/database/database';
import { dbTime } from '../src/database/db-time';
import { Dialect } from '../src/database/dialect';
import { countStatements, startTestApp, TestApp } from '../test/helpers/test-app';
import { datasetSize, describeSize, insertAgentDataset, YEAR_FROM, YEAR_TO } from './bench-agent-data';
import { measure, rowsOf } from './bench-measure';

const writeRuns = Number(process.env.BENCH_WRITE_RUNS ?? 20);

type Part = Parameters<typeof rowsOf> extends [Database, ...infer Rest] ? Rest : never;
/** The footprint of an operation: the rows of these tables, counted when asked. */
const rowsIn =
  (db: Database, ...parts: Part[]) =>
  () =>
    Promise.all(parts.map((part) => rowsOf(db, ...part)));

const rowCount = async (db: Database, table: string) =>
  Number((await db.manager.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n).toLocaleString('en');

/** AnalyzeFailures once over all failures: it builds the patterns and insights the reads below use. */
async function analyzeOnce(app: TestApp) {
  let ms = 0;
  let answer: { failuresScanned: number; patternsUpdated: number; insightsUpdated: number } | undefined;
  const statements = await countStatements(app, async () => {
    const start = performance.now();
    answer = (await app.sdk.AnalyzeFailures({ input: {} })).analyzeFailures;
    ms = performance.now() - start;
  });
  console.log(
    `  AnalyzeFailures (one run)          statements ${statements}  ${ms.toFixed(1)} ms: ${answer!.failuresScanned} failures scanned, ${answer!.patternsUpdated} patterns and ${answer!.insightsUpdated} insights written`,
  );
}

interface FailingCommand {
  host: Infrastructure;
  signature: string;
  command: string;
  error: string;
  shell: string;
}

/** The host and command with the most recorded failures: where environmentContext and logCommand have work to do. */
async function failingCommand(db: Database): Promise<FailingCommand> {
  const [row] = await db.manager.query(
    'SELECT infrastructure_id AS host, failure_signature AS signature, MAX(command) AS command, MAX(error_message) AS error, MAX(shell) AS shell, COUNT(*) AS n ' +
      'FROM commands_run WHERE failure_signature IS NOT NULL GROUP BY infrastructure_id, failure_signature ORDER BY n DESC, host LIMIT 1',
  );
  const host = await db.manager.findOneByOrFail(Infrastructure, { id: Number(row.host) });
  return {
    host,
    signature: row.signature as string,
    command: row.command as string,
    error: row.error as string,
    shell: row.shell as string,
  };
}

const CATEGORIZE_TEXT = (
  'Get-LocalUser failed on DC01 (Server 2008 R2, PowerShell 2.0); used `Get-WmiObject Win32_UserAccount` instead and fixed the export in C:\\Scripts\\users.ps1. ' +
  'Then reset the backup service account password on FS01, ran the Veeam job to the NAS again and checked a restore. Called the office manager about the printer VLAN and port 9100.'
).slice(0, 300);

async function measureReads(app: TestApp, busy: Client, failing: FailingCommand, runs: number) {
  const db = app.db;
  const insightsOf = '(infrastructure_id = ? OR (client_id = ? AND infrastructure_id IS NULL)) AND active = 1';
  await measure(app, `contextRecovery (${busy.name})`, () => app.sdk.ContextRecovery({ clientId: String(busy.id) }), {
    runs,
    footprint: rowsIn(
      db,
      ['sessions', 'client_id = ?', [busy.id]],
      ['pending_tasks', "client_id = ? AND status = 'OPEN'", [busy.id]],
      ['infrastructure', 'client_id = ?', [busy.id]],
      ['environmental_insights', 'client_id = ? AND active = 1', [busy.id]],
    ),
  });
  await measure(
    app,
    `environmentContext ${failing.host.hostname} + command`,
    () => app.sdk.EnvironmentContext({ infrastructureId: String(failing.host.id), command: failing.command }),
    {
      runs,
      footprint: rowsIn(
        db,
        ['infrastructure', 'id = ?', [failing.host.id]],
        ['environmental_insights', insightsOf, [failing.host.id, failing.host.clientId]],
        ['failure_patterns', 'signature = ?', [failing.signature]],
        ['commands_run', 'infrastructure_id = ? AND failure_signature = ?', [failing.host.id, failing.signature]],
      ),
    },
  );
  await measure(app, `categorizeWork (${CATEGORIZE_TEXT.length} chars)`, () => app.sdk.CategorizeWork({ text: CATEGORIZE_TEXT }), {
    runs,
    footprint: async () => [],
  });
  await measure(app, 'search "dns forwarder" first 10', () => app.sdk.Search({ text: 'DNS forwarder', first: 10 }), {
    runs,
    footprint: rowsIn(db, ['search_documents']),
  });
  await measure(
    app,
    'search same + client filter',
    () => app.sdk.Search({ text: 'DNS forwarder', first: 10, filter: { clientId: String(busy.id) } }),
    {
      runs,
      footprint: rowsIn(db, ['search_documents', 'client_id = ?', [busy.id]]),
    },
  );
  await measure(
    app,
    'similarProblems top 3',
    () => app.sdk.SimilarProblems({ description: 'DNS lookups time out on DC01 since the forwarder change', top: 3 }),
    {
      runs,
      footprint: rowsIn(db, ['search_documents', "source IN ('PROBLEM_SOLUTION', 'FAILURE_PATTERN')"]),
    },
  );
  await measureReports(app, busy, runs);
  await measureCommandFor(app, runs);
}

/** Sessions started in [from, to) (of one client) and their work items: what a report adds up. */
function reportRows(db: Database, from: Date, to: Date, clientId?: number) {
  const where = `started_at >= ? AND started_at < ?${clientId ? ' AND client_id = ?' : ''}`;
  const params = [dbTime(from), dbTime(to), ...(clientId ? [clientId] : [])];
  return rowsIn(db, ['sessions', where, params], ['work_items', `session_id IN (SELECT id FROM sessions WHERE ${where})`, params]);
}

async function measureReports(app: TestApp, busy: Client, runs: number) {
  const quarter = { from: new Date('2026-07-01T00:00:00Z'), to: YEAR_TO };
  await measure(
    app,
    'report client Q3 [MONTH, CATEGORY]',
    () =>
      app.sdk.Report({
        filter: { clientId: String(busy.id), from: quarter.from.toISOString(), to: quarter.to.toISOString() },
        groupBy: ['MONTH', 'CATEGORY'],
      }),
    { runs, footprint: reportRows(app.db, quarter.from, quarter.to, busy.id) },
  );
  await measure(
    app,
    'report all clients year [CLIENT]',
    () => app.sdk.Report({ filter: { from: YEAR_FROM.toISOString(), to: YEAR_TO.toISOString() }, groupBy: ['CLIENT'] }),
    {
      runs,
      footprint: reportRows(app.db, YEAR_FROM, YEAR_TO),
    },
  );
}

async function measureCommandFor(app: TestApp, runs: number) {
  const { machine } = (
    await app.sdk.RegisterMachine({
      input: {
        hostname: 'TECH-LAPTOP',
        username: 'mike',
        platform: 'WIN32',
        homeDirectory: 'C:\\Users\\mike',
        preferredShell: 'powershell',
        capabilities: { powershellVersion: '7.4', packageManagers: [{ name: 'winget', install: 'winget install --id {package} -e' }] },
      },
    })
  ).registerMachine;
  await measure(
    app,
    'commandFor INSTALL_PACKAGE',
    () => app.sdk.CommandFor({ machineId: machine.id, task: 'INSTALL_PACKAGE', args: { package: 'git' } }),
    {
      runs,
      footprint: rowsIn(app.db, ['machines', 'id = ?', [Number(machine.id)]]),
    },
  );
}

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/** Writes, each run on fresh rows: a new failed command, a new note, a new session to end. */
async function measureWrites(app: TestApp, busy: Client, failing: FailingCommand, runs: number) {
  const db = app.db;
  const clientId = String(failing.host.clientId);
  const open = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId, title: 'Benchmark writes', startedAt: hoursAgo(1) } }))
    .startSession.id;
  await measure(
    app,
    `logCommand failed on ${failing.host.hostname}`,
    () =>
      app.sdk.LogCommand({
        input: {
          sessionId: open,
          infrastructureId: String(failing.host.id),
          command: failing.command,
          shell: failing.shell,
          success: false,
          errorMessage: failing.error,
        },
      }),
    {
      runs,
      footprint: rowsIn(
        db,
        ['sessions', 'id = ?', [Number(open)]],
        ['infrastructure', 'id = ?', [failing.host.id]],
        ['failure_patterns', 'signature = ?', [failing.signature]],
        [
          'environmental_insights',
          'infrastructure_id = ? AND failure_pattern_id = (SELECT id FROM failure_patterns WHERE signature = ?)',
          [failing.host.id, failing.signature],
        ],
      ),
    },
  );
  const research = (await app.sdk.StartSession({ input: { mode: 'NORMAL', title: 'Benchmark notes' } })).startSession.id;
  const text = 'Conditional forwarders on the domain controller answer faster than the ISP resolver; keep 1.1.1.1 as the second forwarder.';
  await measure(app, 'note', () => app.sdk.Note({ input: { sessionId: research, kind: 'FINDING', text } }), {
    runs,
    footprint: rowsIn(db, ['sessions', 'id = ?', [Number(research)]]),
  });
  await measure(
    app,
    'endSession (3 work items)',
    (sessionId) => app.sdk.EndSession({ input: { sessionId, summary: 'Fixed DNS for the front desk.' } }),
    {
      runs,
      prepare: () => sessionWithWork(app, String(busy.id)),
      footprint: (id) =>
        rowsIn(
          db,
          ['sessions', 'id = ?', [Number(id)]],
          ['work_items', 'session_id = ?', [Number(id)]],
          ['commands_run', 'session_id = ?', [Number(id)]],
        )(),
    },
  );
}

/** An open session with three work items, as an agent leaves it before endSession. */
async function sessionWithWork(app: TestApp, clientId: string): Promise<string> {
  const sessionId = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId, title: 'DNS outage', startedAt: hoursAgo(3) } }))
    .startSession.id;
  for (const [category, description] of [
    ['TROUBLESHOOTING', 'Traced the lookups to the DNS forwarder'],
    ['CONFIGURATION', 'Changed the forwarder and flushed the caches'],
    ['COMMUNICATION', 'Told the front desk it works again'],
  ] as const) {
    await app.sdk.LogWorkItem({ input: { sessionId, category, description, minutes: 20 } });
  }
  return sessionId;
}

/** The agent section for one database: the dataset, AnalyzeFailures once, then each operation. */
export async function benchAgentOperations(dialect: Dialect, runs: number) {
  const app = await startTestApp(`bench_agent_${dialect}`);
  try {
    const size = datasetSize();
    console.log(`${dialect} agent operations. Dataset: ${describeSize(size)}`);
    console.log(
      '  inserting through the TypeORM manager in chunks, one transaction a table (the subscribers index each row and log its change):',
    );
    const start = performance.now();
    const clients = await insertAgentDataset(app.db, size);
    console.log(
      `  ${((performance.now() - start) / 1000).toFixed(1)} s; the subscribers wrote ${await rowCount(app.db, 'search_documents')} search documents and ${await rowCount(app.db, 'change_log')} change-log entries`,
    );
    await analyzeOnce(app);
    console.log(`  ${runs} runs per read, ${writeRuns} per write (fresh rows each run)`);
    const failing = await failingCommand(app.db);
    await measureReads(app, clients[0], failing, runs);
    await measureWrites(app, clients[0], failing, writeRuns);
  } finally {
    await app.stop();
  }
}
