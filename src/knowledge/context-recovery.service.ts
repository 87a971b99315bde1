import { EntityManager, In } from 'typeorm';
import { Client } from '../../entities/client.entity';
import { CredentialAction, CredentialAuditEntry } from '../../entities/credential-audit-entry.entity';
import { Credential } from '../../entities/credential.entity';
import { EnvironmentalInsight } from '../../entities/environmental-insight.entity';
import { PendingTask, PendingTaskStatus } from '../../entities/pending-task.entity';
import { Session } from '../../entities/session.entity';
import { parseDbTime } from '../database/db-time';
import { findOrFail } from '../kit/find-or-fail';
import { clientTopologies, TopologyGraph } from '../infrastructure/topology.service';
import type { Scope } from '../kit/scope';
import { rankInsights } from './insight-ranking';

/** The text an agent pastes stays under this many words, however long the history. */
export const MAX_WORDS = 300;
const MAX_TASKS = 10;
const MAX_INSIGHTS = 10;
/** Active insights weighed against the work at hand: the most confident ones, a client rarely has more. */
const INSIGHTS_READ = 200;
const MAX_CREDENTIALS = 10;

export interface UsedCredential {
  credential: Credential;
  lastUsedAt: Date;
}

export interface ContextAnswer {
  client: Client;
  sessionCount: number;
  sessions: Session[];
  openTasks: PendingTask[];
  recentCredentials: UsedCredential[];
  topology: TopologyGraph;
  insights: EnvironmentalInsight[];
  text: string;
}

/** Credentials of the client most recently revealed (metadata only): one statement. */
async function recentlyUsedCredentials(manager: EntityManager, clientId: number): Promise<UsedCredential[]> {
  const rows = await manager
    .createQueryBuilder(CredentialAuditEntry, 'a')
    .innerJoin(Credential, 'c', 'c.id = a.credentialId')
    .select('a.credentialId', 'id')
    .addSelect('MAX(a.createdAt)', 'lastUsedAt')
    .where('c.clientId = :clientId AND a.action = :reveal AND c.archivedAt IS NULL', { clientId, reveal: CredentialAction.REVEAL })
    .groupBy('a.credentialId')
    .orderBy('MAX(a.createdAt)', 'DESC')
    .limit(MAX_CREDENTIALS)
    .getRawMany<{ id: number; lastUsedAt: Date | string }>();
  if (!rows.length) return [];
  const credentials = new Map((await manager.findBy(Credential, { id: In(rows.map((r) => Number(r.id))) })).map((c) => [c.id, c]));
  return rows.map((r) => ({ credential: credentials.get(Number(r.id))!, lastUsedAt: parseDbTime(r.lastUsedAt) }));
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const words = (text: string) => text.split(/\s+/).filter(Boolean);
const firstWords = (text: string, n: number) => {
  const all = words(text);
  return all.length > n ? `${all.slice(0, n).join(' ')}…` : all.join(' ');
};
/** What a session's summary says first: the technician's own words, else its first fact (skipping title and meta line). */
const gist = (session: Session) =>
  (session.summary ?? '')
    .split('\n')
    .filter((line) => !line.startsWith('## ') && !line.includes(' · '))
    .map((line) =>
      line
        .replace(/^[-*\s]+/, '')
        .replace(/\*\*/g, '')
        .trim(),
    )
    .find(Boolean) ?? '';

/** The answer's text, each item cut to `perItem` words. */
function render(a: Omit<ContextAnswer, 'text'>, perItem: number): string {
  const cut = (text: string) => firstWords(text, perItem);
  const last = a.sessions[0];
  const hosts = a.topology.nodes.map((n) => `${n.hostname}${n.os ? ` (${[n.os, n.osVersion].filter(Boolean).join(' ')})` : ''}`);
  return [
    `${a.client.name}: ${a.sessionCount} session(s)${last ? `, last ${day(last.startedAt)}` : ''}.`,
    a.sessions.length ? 'Recent sessions:' : null,
    ...a.sessions.map((s) => `- ${day(s.startedAt)} ${cut([s.title ?? `Session ${s.id}`, gist(s)].filter(Boolean).join(': '))}`),
    a.openTasks.length
      ? `Open tasks: ${a.openTasks.map((t) => cut(`${t.title}${t.dueDate ? ` (due ${t.dueDate})` : ''}`)).join('; ')}.`
      : 'Open tasks: none.',
    a.insights.length ? `Watch out: ${a.insights.map((i) => cut(i.insight)).join('; ')}.` : null,
    a.recentCredentials.length
      ? `Credentials used lately: ${a.recentCredentials.map((c) => `${c.credential.name} (${day(c.lastUsedAt)})`).join('; ')}.`
      : null,
    hosts.length ? `Topology: ${hosts.length} host(s), ${a.topology.edges.length} link(s): ${cut(hosts.join(', '))}.` : null,
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
}

/** Cuts items shorter until the text fits MAX_WORDS; a last hard cut guards against many tiny items. */
function fitted(answer: Omit<ContextAnswer, 'text'>): string {
  for (let perItem = 30; perItem >= 4; perItem -= 2) {
    const text = render(answer, perItem);
    if (words(text).length <= MAX_WORDS) return text;
  }
  return firstWords(render(answer, 4), MAX_WORDS - 1);
}

/**
 * Everything an agent needs to pick up a client's work: the last sessions with their summaries, open
 * tasks, credentials used lately (metadata only), topology and active insights (those about the open tasks
 * and recent sessions first, then the most confident), and a text under 300
 * words. A fixed number of statements, whatever the size of the history.
 */
export async function contextRecovery(scope: Scope, clientId: number, limit: number): Promise<ContextAnswer> {
  const manager = scope.db.manager;
  const client = await findOrFail(manager, Client, clientId, 'clientId');
  const [sessionCount, sessions, openTasks, recentCredentials, [topology], active] = await Promise.all([
    manager.countBy(Session, { clientId }),
    manager.find(Session, { where: { clientId }, order: { startedAt: 'DESC', id: 'DESC' }, take: limit }),
    manager
      .createQueryBuilder(PendingTask, 't')
      .where('t.clientId = :clientId AND t.status = :open', { clientId, open: PendingTaskStatus.OPEN })
      .orderBy("COALESCE(t.dueDate, '9999-12-31')", 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(MAX_TASKS)
      .getMany(),
    recentlyUsedCredentials(manager, clientId),
    clientTopologies(manager, [clientId]),
    manager.find(EnvironmentalInsight, {
      where: { clientId, active: true },
      order: { confidence: 'DESC', id: 'ASC' },
      take: INSIGHTS_READ,
    }),
  ]);
  const work = { tasks: openTasks.map((t) => t.title), sessions: sessions.map((s) => s.title ?? '') };
  const insights = rankInsights(active, work).slice(0, MAX_INSIGHTS);
  const answer = { client, sessionCount, sessions, openTasks, recentCredentials, topology, insights };
  return { ...answer, text: fitted(answer) };
}
