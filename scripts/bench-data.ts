/**
 * `npm run bench:data -- --scale 10y|1y|small [--db mariadb|sqlite] [--url URL]`: a deterministic dataset
 * (seeded faker) in this service's own schema, migrations applied first, for `npm run bench`.
 * MariaDB: the database `msp_bench` (or BENCH_DATABASE_URL / --url), dropped and created again, nothing else
 * touched. SQLite: ./data/bench-<scale>.sqlite. Rows go in as big multi-row INSERTs on one connection with
 * explicit ids; the search index is written with the same text the subscribers would give it.
 * Not written: change-log entries (a bulk load is not a business change), problem solutions and notes.
 */
import 'reflect-metadata';
import { mkdirSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { faker } from '@faker-js/faker';
import { SingleBar, Presets } from 'cli-progress';
import { reindexAllDocuments } from '../src/knowledge/term-index';
import { createConnection } from 'mysql2/promise';
import { QueryRunner } from 'typeorm';
import { dbTime } from '../src/database/db-time';
import { openDatabase } from '../src/database/open-database';
import { commandSignature, inferFailureCategory } from '../src/failure-learning/failure-knowledge';
import { CredentialVault } from '../src/security/vault/credential-vault';

export const SCALES = {
  '10y': { years: 10, clients: 50, projects: 300, sessions: 100_000, credentials: 20_000 },
  '1y': { years: 1, clients: 50, projects: 300, sessions: 10_000, credentials: 2_000 },
  small: { years: 1, clients: 20, projects: 60, sessions: 1_000, credentials: 200 },
} as const;
export type Scale = keyof typeof SCALES;

export const WORK_ITEMS_PER_SESSION = 5;
export const COMMANDS_PER_SESSION = 20;
export const HOSTS_PER_CLIENT = 3;
/** One command in ten fails. */
const FAILURE_EVERY = 10;
/** The data ends here (sessions spread evenly over the years before it); the bench's report year is the last one. */
export const DATA_END = new Date('2026-10-01T00:00:00Z');
/** The vault key the credentials are sealed with: the bench server gets it as MSP_VAULT_KEY. */
export const BENCH_VAULT_KEY = Buffer.alloc(32, 13).toString('base64');
export const BENCH_MARIADB_URL = 'mysql://root@127.0.0.1:3306/msp_bench';
export const benchSqliteUrl = (scale: Scale) => `sqlite:./data/bench-${scale}.sqlite`;

const CATEGORIES = [
  'INFRASTRUCTURE',
  'TROUBLESHOOTING',
  'CONFIGURATION',
  'DEVELOPMENT',
  'SECURITY',
  'DOCUMENTATION',
  'RESEARCH',
  'COMMUNICATION',
  'MAINTENANCE',
  'OTHER',
];
const COMMANDS = [
  'Get-LocalUser -Name svc_backup',
  'Get-ADUser -Filter *',
  'ipconfig /flushdns',
  'nslookup dc01.corp.local',
  'Restart-Service Spooler',
  'sudo apt-get install -y nginx',
  'systemctl restart nginx',
  'docker compose up -d',
  'git pull --rebase',
  'robocopy C:\\Data \\\\nas\\backup /MIR',
  'Test-NetConnection fs01 -Port 445',
  'gpupdate /force',
  'Get-WmiObject Win32_UserAccount',
  'netsh advfirewall show allprofiles',
  'ping -c 4 10.0.0.1',
  'Invoke-Command -ComputerName fs01 { Get-Volume }',
  'certutil -verify cert.cer',
  'wbadmin get versions',
  'dism /online /cleanup-image /restorehealth',
  'sfc /scannow',
];
const ERRORS = [
  'Access is denied.',
  'The term is not recognized as the name of a cmdlet',
  'Connection timed out',
  'No such file or directory',
  'Permission denied',
  'Exit code 1',
];
const SHELLS = ['powershell', 'cmd', 'bash'];

interface Table {
  name: string;
  columns: string[];
}

/** Writes rows in multi-row INSERTs of `chunk` rows, on one connection. */
class BulkWriter {
  private buffer: unknown[][] = [];
  constructor(
    private readonly runner: QueryRunner,
    private readonly table: Table,
    private readonly chunk: number,
    private readonly progress: SingleBar,
  ) {}

  async add(row: unknown[]) {
    this.buffer.push(row);
    if (this.buffer.length >= this.chunk) await this.flush();
  }

  async flush() {
    if (!this.buffer.length) return;
    const placeholders = `(${this.table.columns.map(() => '?').join(', ')})`;
    const sql = `INSERT INTO ${this.table.name} (${this.table.columns.join(', ')}) VALUES ${this.buffer.map(() => placeholders).join(', ')}`;
    await this.runner.query(sql, this.buffer.flat());
    this.progress.increment(this.buffer.length);
    this.buffer = [];
  }
}

const table = (name: string, columns: string[]): Table => ({ name, columns });
const T = {
  clients: table('clients', ['id', 'name', 'slug', 'hourly_rate_cents', 'active', 'created_at', 'updated_at']),
  projects: table('projects', ['id', 'client_id', 'name', 'status', 'description', 'created_at', 'updated_at']),
  infrastructure: table('infrastructure', [
    'id',
    'client_id',
    'hostname',
    'kind',
    'os',
    'os_version',
    'ip_addresses',
    'created_at',
    'updated_at',
  ]),
  sessions: table('sessions', [
    'id',
    'mode',
    'client_id',
    'project_id',
    'title',
    'billable',
    'started_at',
    'ended_at',
    'summary',
    'created_at',
    'updated_at',
    'billed_at',
    'billed_rate_cents',
  ]),
  workItems: table('work_items', [
    'id',
    'session_id',
    'category',
    'description',
    'minutes',
    'billable',
    'started_at',
    'billable_centiminutes',
    'created_at',
  ]),
  commands: table('commands_run', [
    'id',
    'session_id',
    'infrastructure_id',
    'host',
    'shell',
    'command',
    'exit_code',
    'success',
    'error_message',
    'failure_category',
    'failure_signature',
    'duration_ms',
    'ran_at',
    'created_at',
  ]),
  credentials: table('credentials', [
    'id',
    'client_id',
    'infrastructure_id',
    'name',
    'kind',
    'username',
    'url',
    'notes',
    'ciphertext',
    'iv',
    'auth_tag',
    'key_version',
    'created_at',
    'updated_at',
  ]),
  search: table('search_documents', ['source', 'source_id', 'client_id', 'session_id', 'mode', 'occurred_at', 'title', 'body']),
};

function parseArgs(argv: string[]) {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const scale = (value('--scale') ?? 'small') as Scale;
  if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const dialect = value('--db') ?? (value('--url')?.startsWith('sqlite:') ? 'sqlite' : 'mariadb');
  const url = value('--url') ?? (dialect === 'sqlite' ? benchSqliteUrl(scale) : (process.env.BENCH_DATABASE_URL ?? BENCH_MARIADB_URL));
  return { scale, url };
}

/** Drops and creates the bench database itself (only that one), or removes the SQLite file. */
async function freshDatabase(url: string) {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    mkdirSync('./data', { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    return;
  }
  const parsed = new URL(url);
  const name = parsed.pathname.slice(1);
  if (!/^msp_bench\w*$/.test(name)) throw new Error(`Refusing to drop ${name}: the bench database's name must start with msp_bench.`);
  parsed.pathname = '/';
  const connection = await createConnection(parsed.toString());
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  await connection.end();
}

/** Phrase pools drawn once from the seeded faker: big tables pick from them (fast, still deterministic). */
function pools() {
  const sentence = () =>
    `${faker.hacker.verb()} the ${faker.hacker.adjective()} ${faker.hacker.noun()} on ${faker.internet.domainWord()}-${faker.number.int(99)}`;
  return {
    titles: Array.from({ length: 500 }, () => faker.hacker.phrase().slice(0, 120)),
    summaries: Array.from({ length: 500 }, () => faker.lorem.paragraphs(3).slice(0, 900)),
    descriptions: Array.from({ length: 1000 }, () => `${sentence()}; ${faker.lorem.sentence()}`.slice(0, 300)),
  };
}

export async function generate(scale: Scale, url: string) {
  faker.seed(13);
  const size = SCALES[scale];
  const started = performance.now();
  await freshDatabase(url);
  const { db } = await openDatabase(url);
  const mariadb = !url.startsWith('sqlite:');
  const runner = db.dataSource.createQueryRunner();
  await runner.connect();
  const bar = new SingleBar(
    { format: ' {table} |{bar}| {percentage}% {value}/{total} rows {duration_formatted}', hideCursor: true },
    Presets.shades_classic,
  );
  try {
    if (mariadb) {
      await runner.query('SET foreign_key_checks = 0, unique_checks = 0');
      // built once at the end: maintaining a FULLTEXT index row by row is the slowest part of the load
      await runner.query('ALTER TABLE search_documents DROP INDEX ft_search_documents');
    } else {
      // children are flushed in chunks of their own, sometimes before their parents' chunk: checked at the end instead
      await runner.query('PRAGMA foreign_keys = OFF');
    }
    const texts = pools();
    const vault = new CredentialVault(new Map([[1, Buffer.from(BENCH_VAULT_KEY, 'base64')]]), 1);
    const counts = {
      sessions: size.sessions,
      workItems: size.sessions * WORK_ITEMS_PER_SESSION,
      commands: size.sessions * COMMANDS_PER_SESSION,
    };
    const searchDocs = counts.sessions + counts.workItems + counts.commands;
    const total =
      size.clients * (1 + HOSTS_PER_CLIENT) +
      size.projects +
      counts.sessions +
      counts.workItems +
      counts.commands +
      size.credentials +
      searchDocs;
    bar.start(total, 0, { table: 'clients' });
    // SQLite allows 32,766 variables a statement; MariaDB's packet takes far more
    const writer = (t: Table) => new BulkWriter(runner, t, mariadb ? 2000 : Math.floor(30_000 / t.columns.length), bar);
    const at = dbTime(new Date(DATA_END.getTime() - size.years * 365 * 86_400_000));

    await runner.startTransaction();
    const clients = writer(T.clients);
    const hosts = writer(T.infrastructure);
    for (let c = 1; c <= size.clients; c++) {
      const name = `${faker.company.name()} ${c}`.slice(0, 200);
      await clients.add([c, name, `client-${c}`, faker.number.int({ min: 80, max: 200 }) * 100, 1, at, at]);
      for (let h = 0; h < HOSTS_PER_CLIENT; h++) {
        const windows = h < 2;
        await hosts.add([
          (c - 1) * HOSTS_PER_CLIENT + h + 1,
          c,
          `${windows ? 'SRV' : 'lnx'}${h}-${c}`,
          'SERVER',
          windows ? 'Windows Server' : 'Ubuntu',
          windows ? ['2012 R2', '2022'][h] : '22.04',
          '[]',
          at,
          at,
        ]);
      }
    }
    await clients.flush();
    await hosts.flush();
    bar.update({ table: 'projects' });
    const projects = writer(T.projects);
    for (let p = 1; p <= size.projects; p++) {
      const clientId = ((p - 1) % size.clients) + 1;
      await projects.add([p, clientId, `${faker.commerce.productName()} ${p}`.slice(0, 200), 'ACTIVE', faker.lorem.sentence(), at, at]);
    }
    await projects.flush();
    await runner.commitTransaction();

    const sessions = writer(T.sessions);
    const workItems = writer(T.workItems);
    const commands = writer(T.commands);
    const search = writer(T.search);
    const span = size.years * 365 * 86_400_000;
    const start = DATA_END.getTime() - span;
    const billedBefore = DATA_END.getTime() - 90 * 86_400_000;
    let workItemId = 0;
    let commandId = 0;
    await runner.startTransaction();
    for (let s = 1; s <= counts.sessions; s++) {
      // project by turn: every project gets sessions across the whole span, the newest last
      const projectId = ((s - 1) % size.projects) + 1;
      const clientId = ((projectId - 1) % size.clients) + 1;
      const begin = start + Math.floor(((s - 1) / counts.sessions) * span) + faker.number.int(3_600_000);
      const minutes = Array.from({ length: WORK_ITEMS_PER_SESSION }, () => faker.number.int({ min: 5, max: 90 }));
      const end = begin + minutes.reduce((a, b) => a + b, 0) * 60_000;
      const billed = begin < billedBefore;
      const title = faker.helpers.arrayElement(texts.titles);
      const summary = faker.helpers.arrayElement(texts.summaries);
      const [startedAt, endedAt] = [dbTime(new Date(begin)), dbTime(new Date(end))];
      await sessions.add([
        s,
        'MSP',
        clientId,
        projectId,
        title,
        1,
        startedAt,
        endedAt,
        summary,
        startedAt,
        endedAt,
        billed ? endedAt : null,
        billed ? 12_500 : null,
      ]);
      await search.add(['SESSION', s, clientId, s, 'MSP', startedAt, title, summary]);
      let offset = begin;
      for (const m of minutes) {
        const id = ++workItemId;
        const description = faker.helpers.arrayElement(texts.descriptions);
        const when = dbTime(new Date(offset));
        await workItems.add([id, s, faker.helpers.arrayElement(CATEGORIES), description, m, 1, when, m * 100, when]);
        await search.add(['WORK_ITEM', id, clientId, s, 'MSP', when, '', description]);
        offset += m * 60_000;
      }
      for (let k = 0; k < COMMANDS_PER_SESSION; k++) {
        const id = ++commandId;
        const hostIndex = k % HOSTS_PER_CLIENT;
        const hostId = (clientId - 1) * HOSTS_PER_CLIENT + hostIndex + 1;
        const host = `${hostIndex < 2 ? 'SRV' : 'lnx'}${hostIndex}-${clientId}`;
        const command = COMMANDS[(id * 7) % COMMANDS.length];
        const failed = id % FAILURE_EVERY === 0;
        const error = failed ? ERRORS[id % ERRORS.length] : null;
        const ranAt = dbTime(new Date(begin + k * 30_000));
        await commands.add([
          id,
          s,
          hostId,
          host,
          SHELLS[hostIndex === 2 ? 2 : id % 2],
          command,
          failed ? 1 : 0,
          failed ? 0 : 1,
          error,
          failed ? inferFailureCategory(error, 1) : null,
          failed ? commandSignature(command) : null,
          100 + (id % 900),
          ranAt,
          ranAt,
        ]);
        await search.add(['COMMAND', id, clientId, s, 'MSP', ranAt, command.slice(0, 300), [error, host].filter(Boolean).join('\n')]);
      }
      if (s % 5000 === 0) {
        bar.update({ table: 'sessions, work items, commands, search documents' });
        await runner.commitTransaction();
        await runner.startTransaction();
      }
    }
    for (const w of [sessions, workItems, commands, search]) await w.flush();
    await runner.commitTransaction();

    bar.update({ table: 'credentials (sealed with the vault)' });
    await runner.startTransaction();
    const credentials = writer(T.credentials);
    for (let k = 1; k <= size.credentials; k++) {
      const clientId = ((k - 1) % size.clients) + 1;
      const sealed = vault.seal(faker.internet.password({ length: 20 }), `credential:${k}`);
      await credentials.add([
        k,
        clientId,
        (clientId - 1) * HOSTS_PER_CLIENT + (k % HOSTS_PER_CLIENT) + 1,
        `${faker.hacker.abbreviation()} ${faker.word.noun()} ${k}`.slice(0, 200),
        'PASSWORD',
        faker.internet.username(),
        faker.internet.url(),
        null,
        sealed.ciphertext,
        sealed.iv,
        sealed.authTag,
        sealed.keyVersion,
        at,
        at,
      ]);
    }
    await credentials.flush();
    await runner.commitTransaction();
    bar.stop();
    if (mariadb) {
      process.stdout.write('building the FULLTEXT index and statistics… ');
      const t = performance.now();
      await runner.query('ALTER TABLE search_documents ADD FULLTEXT INDEX ft_search_documents (title, body)');
      await runner.query('ANALYZE TABLE clients, projects, sessions, work_items, commands_run, credentials, search_documents');
      console.log(`${((performance.now() - t) / 1000).toFixed(0)} s`);
    } else {
      const broken = await runner.query('PRAGMA foreign_key_check');
      if (broken.length)
        throw new Error(`The generated rows break ${broken.length} foreign keys, for example ${JSON.stringify(broken[0])}`);
      await runner.query('PRAGMA foreign_keys = ON');
      await runner.query('ANALYZE');
    }
    // search and similarProblems read the term index, which the service keeps in step on every write
    process.stdout.write('indexing search terms… ');
    const indexing = performance.now();
    await reindexAllDocuments(runner.manager);
    console.log(`${((performance.now() - indexing) / 1000).toFixed(0)} s`);
    console.log(`${scale} on ${url}: ${total.toLocaleString('en')} rows in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    bar.stop();
    await runner.release();
    await db.dataSource.destroy();
  }
}

if (require.main === module) {
  const { scale, url } = parseArgs(process.argv.slice(2));
  generate(scale, url).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
