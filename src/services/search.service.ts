import { In } from 'typeorm';
import { SearchDocument, SearchSource } from '../../entities/search-document.entity';
import { dbTime } from '../database/db-time';
import { DocumentCondition, fullTextMatches } from '../database/full-text';
import { BadInputError } from '../core/errors';
import { assertAfter } from './time-rules';
import { findOrFail } from './find-or-fail';
import { Client } from '../../entities/client.entity';
import { Session } from '../../entities/session.entity';
import type { SearchFilter } from "./search.commands";
import type { Scope } from "./scope";

/**
 * Words both engines skip: InnoDB's default stopword list (MariaDB ignores them) plus "and", and anything shorter
 * than InnoDB's minimum token size of 3. Dropping them from every query keeps the two databases' answers
 * the same.
 */
const STOPWORDS = new Set('about and are com for from how that the this was what when where who will with und www'.split(' '));
const MIN_TERM = 3;
const MAX_TERM = 84;
const MAX_TERMS = 10;
/** How many matches are ranked: the most recent ones, so both databases rank the same records. */
export const CANDIDATES = 500;
const WORD = /[\p{L}\p{N}_]+/gu;

const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** The words of a query that can be searched, and the ones that cannot (too short, too common). */
export function searchTerms(text: string): { terms: string[]; ignored: string[] } {
  const words = [...new Set(fold(text).match(WORD) ?? [])];
  const usable = (w: string) => w.length >= MIN_TERM && w.length <= MAX_TERM && !STOPWORDS.has(w);
  return { terms: words.filter(usable).slice(0, MAX_TERMS), ignored: words.filter((w) => !usable(w)) };
}

/** How many words of the text start with the term; only words MariaDB indexes count (FTS5 indexes every word). */
const countPrefixed = (text: string, term: string) =>
  (fold(text).match(WORD) ?? []).filter((w) => w.startsWith(term) && w.length <= MAX_TERM && !STOPWORDS.has(w)).length;

/**
 * Relevance computed the same way on both databases: per term 1 + ln(frequency) (headline words count
 * three times), scaled by the share of terms the record holds, so records with every word come first.
 */
export function relevance(title: string, body: string, terms: string[]): { score: number; matched: string[] } {
  let sum = 0;
  const matched: string[] = [];
  for (const term of terms) {
    const frequency = countPrefixed(title, term) * 3 + countPrefixed(body, term);
    if (!frequency) continue;
    matched.push(term);
    sum += 1 + Math.log(frequency);
  }
  return { score: Math.round(((sum * matched.length) / Math.max(terms.length, 1)) * 1000) / 1000, matched };
}

const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 200;

/** About 200 characters around the first matching word, matching words wrapped in **…**. */
export function snippet(text: string, terms: string[]): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const hits = [...flat.matchAll(WORD)].filter((m) => terms.some((t) => fold(m[0]).startsWith(t)));
  const first = hits[0]?.index ?? 0;
  let start = Math.max(0, first - SNIPPET_BEFORE);
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  const end = Math.min(flat.length, start + SNIPPET_LENGTH);
  const window = flat.slice(start, end);
  const marked = window.replace(WORD, (word) => (terms.some((t) => fold(word).startsWith(t)) ? `**${word}**` : word));
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

function conditions(filter: SearchFilter): DocumentCondition[] {
  if (filter.from && filter.to) assertAfter(filter.to, filter.from, 'filter.to', 'filter.from');
  const list: DocumentCondition[] = [];
  const add = (sql: string, ...params: unknown[]) => list.push({ sql, params });
  if (filter.clientId) add('d.client_id = ?', Number(filter.clientId));
  if (filter.sessionId) add('d.session_id = ?', Number(filter.sessionId));
  if (filter.mode) add('d.mode = ?', filter.mode);
  if (filter.sources?.length) add(`d.source IN (${filter.sources.map(() => '?').join(', ')})`, ...filter.sources);
  if (filter.from) add('d.occurred_at >= ?', dbTime(filter.from));
  if (filter.to) add('d.occurred_at < ?', dbTime(filter.to));
  return list;
}

/** Ranked matches for the terms: the most recent native full-text matches, ranked the same way on every database. */
export async function rankDocuments(scope: Scope, terms: string[], filter: SearchFilter): Promise<RankedDocument[]> {
  const manager = scope.db.manager;
  const ids = await fullTextMatches(manager, terms, conditions(filter), CANDIDATES);
  const documents = ids.length ? await manager.findBy(SearchDocument, { id: In(ids) }) : [];
  return documents
    .map((document) => {
      const { score, matched } = relevance(document.title, document.body, terms);
      const text = document.body && relevance('', document.body, terms).matched.length ? document.body : document.title;
      return { document, score, matched, label: LABELS[document.source](document), snippet: snippet(text, terms) };
    })
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score || b.document.occurredAt.getTime() - a.document.occurredAt.getTime() || a.document.id - b.document.id);
}

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
  if (!terms.length) {
    throw new BadInputError('text', `nothing to search for: words need ${MIN_TERM}+ letters and common words (${[...STOPWORDS].slice(0, 5).join(', ')}, …) are skipped`);
  }
  if (filter.clientId) await findOrFail(scope.db.manager, Client, filter.clientId, 'filter.clientId');
  if (filter.sessionId) await findOrFail(scope.db.manager, Session, filter.sessionId, 'filter.sessionId');
  const ranked = await rankDocuments(scope, terms, filter);
  const hits = ranked.slice(0, first);
  const lines = hits.map((h, i) => `${i + 1}. [${h.document.source} ${h.document.sourceId}] ${h.label.slice(0, 80)} — ${h.snippet.replace(/\*\*/g, '')}`);
  const header = `${ranked.length}${ranked.length >= CANDIDATES ? '+' : ''} match(es) for "${terms.join(' ')}"${hits.length < ranked.length ? `, top ${hits.length}` : ''}`;
  return { hits, matched: ranked.length, terms, ignoredTerms: ignored, text: [header, ...lines].join('\n') };
}
