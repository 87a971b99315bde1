import { In } from 'typeorm';
import { SearchDocument, SearchSource } from '../../entities/search-document.entity';
import { dbTime } from '../database/db-time';
import { contextFactor, queryClues } from './context-boost';
import { rankByTerms } from './ranking';
import { DocumentCondition, DocumentScope } from './term-index';
import { analyzeQuery, termsOfWord } from './text-analysis';
import { BadInputError } from '../core/errors';
import { assertAfter } from '../tracking/time-rules';
import { findOrFail } from '../kit/find-or-fail';
import { Client } from '../../entities/client.entity';
import { Session } from '../../entities/session.entity';
import type { SearchFilter } from './search.commands';
import type { Scope } from '../kit/scope';

/** How many ranked matches similar problems and other callers read at most. */
export const CANDIDATES = 500;
const WORD = /[\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*/gu;

/** The words of a query that are searched (as written, folded), and the ones that are not (filler, single letters). */
export function searchTerms(text: string): { terms: string[]; ignored: string[] } {
  const { parts, ignored } = analyzeQuery(text);
  return { terms: parts.filter((p) => !p.phrase).map((p) => p.text), ignored };
}

const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 200;

/** About 200 characters around the first matching word, matching words (any term of them found) wrapped in **…**. */
export function snippet(text: string, terms: Set<string>): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const hit = (word: string) => termsOfWord(word).some((t) => terms.has(t));
  const first = [...flat.matchAll(WORD)].find((m) => hit(m[0]))?.index ?? 0;
  let start = Math.max(0, first - SNIPPET_BEFORE);
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  const end = Math.min(flat.length, start + SNIPPET_LENGTH);
  const window = flat.slice(start, end);
  const marked = window.replace(WORD, (word) => (hit(word) ? `**${word}**` : word));
  return `${start > 0 ? '…' : ''}${marked}${end < flat.length ? '…' : ''}`;
}

const LABELS: Record<SearchSource, (d: SearchDocument) => string> = {
  SESSION: (d) => d.title || `Session ${d.sourceId}`,
  WORK_ITEM: (d) => `Work item ${d.sourceId} of session ${d.sessionId}`,
  PROBLEM_SOLUTION: (d) => d.title,
  COMMAND: (d) => d.title,
  NOTE: (d) => `Note ${d.sourceId} of session ${d.sessionId}`,
  FAILURE_PATTERN: (d) => d.title,
};

export interface RankedDocument {
  document: SearchDocument;
  score: number;
  matched: string[];
  label: string;
  snippet: string;
}

function documentScope(filter: SearchFilter): DocumentScope {
  if (filter.from && filter.to) assertAfter(filter.to, filter.from, 'filter.to', 'filter.from');
  const list: DocumentCondition[] = [];
  const add = (sql: string, ...params: unknown[]) => list.push({ sql, params });
  if (filter.clientId) add('d.client_id = ?', Number(filter.clientId));
  if (filter.sessionId) add('d.session_id = ?', Number(filter.sessionId));
  if (filter.mode) add('d.mode = ?', filter.mode);
  if (filter.from) add('d.occurred_at >= ?', dbTime(filter.from));
  if (filter.to) add('d.occurred_at < ?', dbTime(filter.to));
  return { sources: filter.sources ?? undefined, conditions: list };
}

/** How many of the best text matches search weighs by shared host and technologies (at least). */
const BOOSTED = 30;

/**
 * Ranked matches for a query (see src/knowledge/ranking.ts), the same on every database: all of them
 * counted, the best `limit` loaded with labels and snippets. With `boost`, the best text matches are
 * weighed by the host and technologies they share with the query (src/knowledge/context-boost.ts).
 */
export async function rankDocuments(
  scope: Scope,
  text: string,
  filter: SearchFilter,
  limit = CANDIDATES,
  boost = false,
): Promise<{ ranked: RankedDocument[]; total: number }> {
  const manager = scope.db.manager;
  const clues = boost ? queryClues(text) : { hosts: [], technologies: [] };
  const pool = clues.hosts.length || clues.technologies.length ? Math.max(limit, BOOSTED) : limit;
  const { hits: top, total } = await rankByTerms(manager, text, documentScope(filter), pool);
  const documents = top.length
    ? new Map((await manager.findBy(SearchDocument, { id: In(top.map((h) => h.documentId)) })).map((d) => [d.id, d]))
    : new Map<number, SearchDocument>();
  const ranked = top.flatMap((hit): RankedDocument[] => {
    const document = documents.get(hit.documentId);
    if (!document) return [];
    const shown = document.body && snippetHolds(document.body, hit.terms) ? document.body : document.title;
    const score =
      pool === limit ? hit.score : Math.round(hit.score * contextFactor(clues, `${document.title}\n${document.body}`) * 1000) / 1000;
    return [{ document, score, matched: hit.matched, label: LABELS[document.source](document), snippet: snippet(shown, hit.terms) }];
  });
  if (pool !== limit)
    ranked.sort(
      (a, b) => b.score - a.score || b.document.occurredAt.getTime() - a.document.occurredAt.getTime() || a.document.id - b.document.id,
    );
  return { ranked: ranked.slice(0, limit), total };
}

const snippetHolds = (text: string, terms: Set<string>) =>
  [...text.matchAll(WORD)].some((m) => termsOfWord(m[0]).some((t) => terms.has(t)));

export interface SearchAnswer {
  hits: RankedDocument[];
  matched: number;
  terms: string[];
  ignoredTerms: string[];
  text: string;
}

/** Full-text search over sessions, work items, problem solutions, commands, notes and failure patterns. */
export async function search(scope: Scope, text: string, filter: SearchFilter = {}, first = 10): Promise<SearchAnswer> {
  const { terms, ignored } = searchTerms(text);
  if (!terms.length)
    throw new BadInputError('text', 'nothing to search for: single letters and common words (the, and, can, get, not, …) are skipped');
  if (filter.clientId) await findOrFail(scope.db.manager, Client, filter.clientId, 'filter.clientId');
  if (filter.sessionId) await findOrFail(scope.db.manager, Session, filter.sessionId, 'filter.sessionId');
  const { ranked: hits, total } = await rankDocuments(scope, text, filter, first, true);
  const lines = hits.map(
    (h, i) => `${i + 1}. [${h.document.source} ${h.document.sourceId}] ${h.label.slice(0, 80)} — ${h.snippet.replace(/\*\*/g, '')}`,
  );
  const header = `${total} match(es) for "${terms.join(' ')}"${hits.length < total ? `, top ${hits.length}` : ''}`;
  return { hits, matched: total, terms, ignoredTerms: ignored, text: [header, ...lines].join('\n') };
}
