/**
 * The dataset of the agent-operations benchmark: an MSP's year of work, written straight through
 * TypeORM in chunks so the search-index and change-log subscribers fill their tables as for any write.
 */
import { performance } from 'node:perf_hooks';
import { Client } from '../entities/client.entity';
import { CommandRun } from '../entities/command-run.entity';
import { Infrastructure, InfrastructureKind } from '../entities/infrastructure.entity';
import { Note, NoteKind } from '../entities/note.entity';
import { PendingTask, PendingTaskStatus } from '../entities/pending-task.entity';
import { ProblemSolution } from '../entities/problem-solution.entity';
import { Session, SessionMode } from '../entities/session.entity';
import { WorkCategory, WorkItem } from '../entities/work-item.entity';
import { Database } from '../src/database/database';
import { commandSignature, inferFailureCategory } from '../src/failure-learning/failure-knowledge';
import { TOPICS, Topic } from './bench-agent-topics';
import { insertAll } from '../test/helpers/tree-data';

/** Sessions start in these twelve months; reports cover them. */
export const YEAR_FROM = new Date('2025-10-01T00:00:00Z');
export const YEAR_TO = new Date('2026-10-01T00:00:00Z');
/** Sessions started before this are billed. */
const BILLED_BEFORE = new Date('2026-07-01T00:00:00Z');
const DAY = 86_400_000;

const CLIENT_NAMES = [
  'Acme Dental',
  'Dataforth',
  'Birchwood Law',
  'Harbor Vets',
  'Northgate Realty',
  'Pinecrest Clinic',
  'Summit Accounting',
  'Bluewater Logistics',
  'Oakridge School',
  'Redline Auto',
  'Silverleaf Hotel',
  'Meadow Pharmacy',
  'Ironbridge Builders',
  'Lakeside Optics',
  'Crescent Insurance',
  'Granite Architects',
  'Willow Care Home',
  'Falcon Freight',
  'Maple Bakery',
  'Cedar Physio',
];
const WINDOWS_VERSIONS = ['2008 R2', '2012 R2', '2016', '2019', '2022'];
const UBUNTU = '22.04';

export interface DatasetSize {
  clients: number;
  sessionsPerClient: number;
  problemSolutions: number;
  notes: number;
}

const NOTES_PER_NORMAL_SESSION = 5;
const TASKS_PER_CLIENT = 4;
/** One command per session; every tenth fails. */
const FAILURE_EVERY = 10;

/** BENCH_CLIENTS (20) and BENCH_SESSIONS (2,000 in all); problem solutions and notes scale with the sessions. */
export function datasetSize(): DatasetSize {
  const clients = Number(process.env.BENCH_CLIENTS ?? 20);
  const sessions = Number(process.env.BENCH_SESSIONS ?? 2000);
  return {
    clients,
    sessionsPerClient: Math.max(1, Math.round(sessions / clients)),
    problemSolutions: Math.round(sessions * 0.15),
    notes: Math.round(sessions * 0.1),
  };
}

export function describeSize(size: DatasetSize): string {
  const n = (value: number) => value.toLocaleString('en');
  const sessions = size.clients * size.sessionsPerClient;
  return (
    `${n(size.clients)} clients with 3 hosts each (${WINDOWS_VERSIONS.length + 1} OS versions), ${n(sessions)} MSP sessions (${n(size.sessionsPerClient)} per client, Oct 2025 to Sep 2026) ` +
    `× 3 work items, 1 command per session (${n(Math.ceil(sessions / FAILURE_EVERY))} failed over ${TOPICS.length} signatures), ${n(size.problemSolutions)} problem solutions, ` +
    `${n(size.notes)} notes in ${n(Math.ceil(size.notes / NOTES_PER_NORMAL_SESSION))} NORMAL sessions, ${TASKS_PER_CLIENT} open tasks per client`
  );
}

/** Seeded, so both databases get the same data. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Prints rows inserted so far, table by table. */
class Progress {
  private rows = 0;
  private readonly start = performance.now();

  add(table: string, rows: number) {
    this.rows += rows;
    console.log(
      `    ${table.padEnd(18)} ${rows.toLocaleString('en').padStart(6)} rows  (${this.rows.toLocaleString('en')} so far, ${((performance.now() - this.start) / 1000).toFixed(1)} s)`,
    );
  }
}

/** Rows in chunks, in one write transaction (so each gets its search document and change-log entry), with progress. */
async function insertChunked<T extends object>(
  db: Database,
  entity: new () => T,
  rows: Partial<T>[],
  progress: Progress,
): Promise<number[]> {
  const ids = await insertAll(db, entity, rows);
  progress.add(db.dataSource.getMetadata(entity).tableName, rows.length);
  return ids;
}

interface Host {
  id?: number;
  clientIndex: number;
  hostname: string;
  os: string;
  osVersion: string;
  linux: boolean;
}

const shellOf = (host: Host) => (host.linux ? 'bash' : host.osVersion === '2008 R2' ? 'powershell 2.0' : 'powershell 5.1');

/** Two Windows servers and one Ubuntu server per client; the Windows versions differ between clients. */
function plannedHosts(clients: number): Host[] {
  return Array.from({ length: clients }, (_, c) => [
    { clientIndex: c, hostname: 'DC01', os: 'Windows Server', osVersion: WINDOWS_VERSIONS[c % 5], linux: false },
    { clientIndex: c, hostname: 'FS01', os: 'Windows Server', osVersion: WINDOWS_VERSIONS[(c + 2) % 5], linux: false },
    { clientIndex: c, hostname: 'WEB01', os: 'Ubuntu', osVersion: UBUNTU, linux: true },
  ]).flat();
}

/** One planned MSP session: its client, topic, host and times. */
interface PlannedSession {
  clientIndex: number;
  topic: Topic;
  host: Host;
  startedAt: Date;
  minutes: number[];
  failed: boolean;
}

function plannedSessions(size: DatasetSize, hosts: Host[]): PlannedSession[] {
  const next = random(42);
  const span = YEAR_TO.getTime() - YEAR_FROM.getTime() - DAY;
  return Array.from({ length: size.clients * size.sessionsPerClient }, (_, i) => {
    const clientIndex = i % size.clients;
    const k = Math.floor(i / size.clients);
    const topic = TOPICS[Math.floor(next() * TOPICS.length)];
    const own = hosts.filter((h) => h.clientIndex === clientIndex && h.linux === topic.linux);
    const day = Math.floor((k * span) / size.sessionsPerClient / DAY);
    return {
      clientIndex,
      topic,
      host: own[k % own.length],
      startedAt: new Date(YEAR_FROM.getTime() + day * DAY + (8 + (clientIndex % 8)) * 3_600_000),
      minutes: topic.items.map(() => 15 * (1 + Math.floor(next() * 6))),
      // per client, so every client has failures
      failed: (k + clientIndex) % FAILURE_EVERY === 3,
    };
  });
}

const hours = (minutes: number) => (minutes / 60).toFixed(1);
const hhmm = (date: Date) => date.toISOString().slice(11, 16);
const endOf = (s: PlannedSession) => new Date(s.startedAt.getTime() + (s.minutes.reduce((a, b) => a + b, 0) + 10) * 60_000);

/** A summary shaped like the one endSession writes. */
function summaryOf(s: PlannedSession, client: string): string {
  const total = s.minutes.reduce((a, b) => a + b, 0);
  return [
    `## ${s.topic.title}`,
    `${client} · MSP · ${s.startedAt.toISOString().slice(0, 10)} ${hhmm(s.startedAt)}–${hhmm(endOf(s))} UTC`,
    '',
    `${s.topic.symptom}. ${s.topic.solution}.`,
    '',
    `- **Time:** ${hours(total)} h logged — ${s.topic.items.map(([category], j) => `${category.toLowerCase()} ${hours(s.minutes[j])} h`).join(', ')}`,
    `- **Commands:** 1 run, ${s.failed ? `1 failed (\`${s.topic.fail}\`)` : '0 failed'}`,
  ].join('\n');
}

function sessionRow(s: PlannedSession, client: Client): Partial<Session> {
  const billed = s.startedAt < BILLED_BEFORE;
  return {
    mode: SessionMode.MSP,
    clientId: client.id,
    title: s.topic.title,
    billable: true,
    startedAt: s.startedAt,
    endedAt: endOf(s),
    summary: summaryOf(s, client.name),
    billedAt: billed ? new Date(s.startedAt.getTime() + 30 * DAY) : null,
    billedRateCents: billed ? client.hourlyRateCents : null,
    createdAt: s.startedAt,
    updatedAt: endOf(s),
  };
}

function workItemRows(s: PlannedSession, sessionId: number, billedAt: Date | null | undefined): Partial<WorkItem>[] {
  return s.topic.items.map(([category, description], j) => ({
    sessionId,
    category,
    description: `${description} (${s.host.hostname})`,
    minutes: s.minutes[j],
    billable: category !== WorkCategory.RESEARCH,
    // the default labor type's rule: billable as logged
    billableCentiminutes: category !== WorkCategory.RESEARCH ? s.minutes[j] * 100 : 0,
    billedAt: billedAt ?? null,
    startedAt: new Date(s.startedAt.getTime() + (j + 1) * 60_000),
    createdAt: new Date(s.startedAt.getTime() + (j + 1) * 60_000),
  }));
}

function commandRow(s: PlannedSession, sessionId: number): Partial<CommandRun> {
  const ranAt = new Date(s.startedAt.getTime() + 20 * 60_000);
  const base = { sessionId, infrastructureId: s.host.id!, shell: shellOf(s.host), ranAt, createdAt: ranAt, durationMs: 800 };
  if (!s.failed) return { ...base, command: s.topic.ok, success: true, exitCode: 0, outputExcerpt: 'Completed.' };
  return {
    ...base,
    command: s.topic.fail,
    success: false,
    exitCode: 1,
    errorMessage: s.topic.error,
    failureSignature: commandSignature(s.topic.fail),
    failureCategory: inferFailureCategory(s.topic.error, 1),
  };
}

/** `count` of `list`, spread evenly. */
const spread = <T>(list: T[], count: number) =>
  Array.from({ length: Math.min(count, list.length) }, (_, k) => list[Math.floor((k * list.length) / count)]);

function problemRow(s: PlannedSession, sessionId: number, k: number): Partial<ProblemSolution> {
  return {
    sessionId,
    infrastructureId: s.host.id!,
    symptom: `${s.topic.symptom} on ${s.host.hostname}`,
    rootCause: s.topic.cause,
    solution: s.topic.solution,
    verified: k % 3 !== 0,
    createdAt: new Date(s.startedAt.getTime() + 90 * 60_000),
  };
}

const NOTE_KINDS = [NoteKind.LEARNING, NoteKind.FINDING, NoteKind.DECISION];

/** NORMAL sessions (research, no client), each with a few notes on one topic. */
async function insertKnowledge(db: Database, size: DatasetSize, progress: Progress): Promise<void> {
  const count = Math.ceil(size.notes / NOTES_PER_NORMAL_SESSION);
  const start = (i: number) => new Date(YEAR_FROM.getTime() + Math.floor((i * 360) / count) * DAY + 19 * 3_600_000);
  const topicOf = (i: number) => TOPICS[i % TOPICS.length];
  const rows = Array.from({ length: count }, (_, i) => ({
    mode: SessionMode.NORMAL,
    title: `Reading up: ${topicOf(i).title.toLowerCase()}`,
    billable: false,
    startedAt: start(i),
    endedAt: new Date(start(i).getTime() + 3_600_000),
    createdAt: start(i),
    updatedAt: start(i),
  }));
  const ids = await insertChunked(db, Session, rows, progress);
  const notes = Array.from({ length: size.notes }, (_, n) => {
    const i = Math.floor(n / NOTES_PER_NORMAL_SESSION);
    return {
      sessionId: ids[i],
      kind: NOTE_KINDS[n % NOTE_KINDS.length],
      text: `${topicOf(i).learning}. Seen at ${CLIENT_NAMES[n % CLIENT_NAMES.length]} (note ${n + 1}).`,
      createdAt: new Date(start(i).getTime() + (n % NOTES_PER_NORMAL_SESSION) * 600_000),
    };
  });
  await insertChunked(db, Note, notes, progress);
}

/** Inserts the dataset, printing the rows inserted so far after each table; returns the clients in insert order. */
export async function insertAgentDataset(db: Database, size: DatasetSize): Promise<Client[]> {
  const progress = new Progress();
  const at = YEAR_FROM;
  const names = Array.from(
    { length: size.clients },
    (_, c) => `${CLIENT_NAMES[c % CLIENT_NAMES.length]}${c >= CLIENT_NAMES.length ? ` ${Math.floor(c / CLIENT_NAMES.length) + 1}` : ''}`,
  );
  const clientIds = await insertChunked(
    db,
    Client,
    names.map((name, c) => ({
      name,
      slug: name.toLowerCase().replace(/\W+/g, '-'),
      hourlyRateCents: 9_000 + 500 * (c % 8),
      active: true,
      createdAt: at,
      updatedAt: at,
    })),
    progress,
  );
  const clients = await db.manager.find(Client, { order: { id: 'ASC' } });

  const hosts = plannedHosts(size.clients);
  const hostIds = await insertChunked(
    db,
    Infrastructure,
    hosts.map((h, i) => ({
      clientId: clientIds[h.clientIndex],
      hostname: h.hostname,
      kind: InfrastructureKind.SERVER,
      os: h.os,
      osVersion: h.osVersion,
      ipAddresses: [`10.${h.clientIndex}.0.${10 + (i % 3)}`],
      environmentalNotes: h.osVersion === '2008 R2' ? 'PowerShell 2.0 only; TLS 1.2 off until the registry keys are set' : null,
      createdAt: at,
      updatedAt: at,
    })),
    progress,
  );
  hosts.forEach((h, i) => (h.id = hostIds[i]));

  const sessions = plannedSessions(size, hosts);
  const sessionRows = sessions.map((s) => sessionRow(s, clients[s.clientIndex]));
  const sessionIds = await insertChunked(db, Session, sessionRows, progress);
  await insertChunked(
    db,
    WorkItem,
    sessions.flatMap((s, i) => workItemRows(s, sessionIds[i], sessionRows[i].billedAt)),
    progress,
  );
  await insertChunked(
    db,
    CommandRun,
    sessions.map((s, i) => commandRow(s, sessionIds[i])),
    progress,
  );
  const solved = spread(
    sessions.map((s, i) => ({ s, id: sessionIds[i] })),
    size.problemSolutions,
  );
  await insertChunked(
    db,
    ProblemSolution,
    solved.map(({ s, id }, k) => problemRow(s, id, k)),
    progress,
  );
  await insertKnowledge(db, size, progress);
  await insertChunked(
    db,
    PendingTask,
    clientIds.flatMap((clientId, c) =>
      Array.from({ length: TASKS_PER_CLIENT }, (_, t) => ({
        clientId,
        title: `Follow up: ${TOPICS[(c + t) % TOPICS.length].title.toLowerCase()}`,
        status: PendingTaskStatus.OPEN,
        dueDate: `2026-12-${String(1 + t * 7).padStart(2, '0')}`,
        createdAt: at,
      })),
    ),
    progress,
  );
  return clients;
}
