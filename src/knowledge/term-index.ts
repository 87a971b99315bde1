/**
 * The search_terms table: each search document's terms (see text-analysis.ts), written in the transaction
 * that writes the document, and read back by plain SQL that both databases answer alike. Engines' own
 * full-text rules (minimum word length, stopwords, tokenising) play no part.
 */
import { EntityManager } from 'typeorm';
import { dbTime, parseDbTime } from '../database/db-time';
import { documentTerms } from './text-analysis';

/** Extra conditions on search_documents (alias `d`), with `?` placeholders. */
export interface DocumentCondition {
  sql: string;
  params: unknown[];
}

const ROWS_PER_INSERT = 200;
const REINDEX_BATCH = 500;
const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Replaces the terms of one document with those of its current title and body. */
export async function writeDocumentTerms(
  manager: EntityManager,
  document: { id: number; source: string; title: string; body: string; occurredAt: Date | string },
): Promise<void> {
  const { counts, length } = documentTerms(document.title, document.body);
  await manager.query('DELETE FROM search_terms WHERE document_id = ?', [document.id]);
  const at = typeof document.occurredAt === 'string' ? document.occurredAt : dbTime(document.occurredAt);
  const rows = [...counts].map(([term, c]) => [document.id, document.source, term, c.title, c.body, length, at]);
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    await manager.query(
      `INSERT INTO search_terms (document_id, source, term, title_count, body_count, term_count, occurred_at) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      chunk.flat(),
    );
  }
}

/** Rebuilds the terms of every document (a migration's backfill, or after the analysis changed). */
export async function reindexAllDocuments(manager: EntityManager): Promise<void> {
  for (let after = 0; ;) {
    const batch: { id: number; source: string; title: string; body: string; occurred_at: Date | string }[] = await manager.query(
      'SELECT id, source, title, body, occurred_at FROM search_documents WHERE id > ? ORDER BY id LIMIT ?',
      [after, REINDEX_BATCH],
    );
    if (!batch.length) return;
    for (const d of batch) await writeDocumentTerms(manager, { ...d, id: Number(d.id), occurredAt: parseDbTime(d.occurred_at) });
    after = Number(batch[batch.length - 1].id);
  }
}

/**
 * How many documents hold each term, and how many documents there are: all of them, whatever a search's
 * filter, so that ranking does not depend on it. One statement.
 */
export async function documentFrequencies(
  manager: EntityManager,
  terms: string[],
): Promise<{ frequencies: Map<string, number>; total: number }> {
  const rows: { term: string | null; n: number | string }[] = await manager.query(
    `${terms.length ? `SELECT term, COUNT(*) AS n FROM search_terms WHERE term IN (${placeholders(terms.length)}) GROUP BY term UNION ALL ` : ''}SELECT NULL AS term, COUNT(*) AS n FROM search_documents`,
    terms,
  );
  const total = Number(rows.find((r) => r.term === null)?.n ?? 0);
  // MariaDB compares with its collation (ß = ss): keep exact matches only, as SQLite does
  return { frequencies: new Map(rows.filter((r) => r.term !== null && terms.includes(r.term)).map((r) => [r.term!, Number(r.n)])), total };
}

/** Terms of the index starting with one of the letters, with their document counts: the vocabulary typos are matched against. */
export async function vocabularyStartingWith(manager: EntityManager, letters: string[]): Promise<{ term: string; documents: number }[]> {
  if (!letters.length) return [];
  const ranges = letters.map(() => '(term >= ? AND term < ?)').join(' OR ');
  const params = letters.flatMap((l) => [l, String.fromCharCode(l.charCodeAt(0) + 1)]);
  const rows: { term: string; n: number | string }[] = await manager.query(
    `SELECT term, COUNT(*) AS n FROM search_terms WHERE ${ranges} GROUP BY term`,
    params,
  );
  return rows.filter((r) => letters.includes(r.term.charAt(0))).map((r) => ({ term: r.term, documents: Number(r.n) }));
}

/** One term of one document that a search asked for. */
export interface Posting {
  documentId: number;
  term: string;
  titleCount: number;
  bodyCount: number;
  termCount: number;
  occurredAt: Date;
}

/** Which documents a search reads: of these sources (none: all), meeting these conditions on search_documents. */
export interface DocumentScope {
  sources?: string[];
  conditions: DocumentCondition[];
}

/** A query part as the database scores it: its alternatives' terms, each with weight × idf. */
export interface ScoredPart {
  terms: { term: string; factor: number }[];
  /** Index of the word parts it stands for in the coverage (a phrase stands for the words it spans). */
  covers: number[];
}

/** A number as a SQL double literal (1.5e0): MariaDB computes decimals otherwise, SQLite reads both alike. */
const double = (n: number) => n.toExponential();

/**
 * The documents in scope with the best approximate scores, computed in the database from the covering
 * index (no row per posting reaches the service), and how many documents hold any term. The caller
 * scores the head again exactly in code: the databases' arithmetic may differ in the last digits.
 */
export async function bestDocuments(
  manager: EntityManager,
  parts: ScoredPart[],
  words: number,
  scope: DocumentScope,
  formula: { k1: number; b: number; averageLength: number; titleWeight: number; coverageFloor: number },
  limit: number,
): Promise<{ ids: number[]; total: number }> {
  const terms = [...new Set(parts.flatMap((p) => p.terms.map((t) => t.term)))];
  if (!terms.length) return { ids: [], total: 0 };
  const tf = `(${double(formula.titleWeight)} * t.title_count + t.body_count)`;
  const saturation = `(${tf} * ${double(formula.k1 + 1)} / (${tf} + ${double(formula.k1)} * (${double(1 - formula.b)} + ${double(formula.b / formula.averageLength)} * t.term_count)))`;
  const params: unknown[] = [];
  const columns = parts.map((part, i) => {
    if (!part.terms.length) return `NULL AS p${i}`;
    const cases = part.terms.map((t) => {
      params.push(t.term);
      return `WHEN ? THEN ${double(t.factor)}`;
    });
    return `MAX(CASE t.term ${cases.join(' ')} END * ${saturation}) AS p${i}`;
  });
  const sum = parts.map((_, i) => `COALESCE(p${i}, 0)`).join(' + ');
  const covered = Array.from({ length: words }, (_, w) => {
    const by = parts.flatMap((p, i) => (p.covers.includes(w) ? [`p${i} IS NOT NULL`] : []));
    return `(CASE WHEN ${by.join(' OR ') || '1 = 0'} THEN 1 ELSE 0 END)`;
  });
  const coverage = `(${double(formula.coverageFloor)} + ${double((1 - formula.coverageFloor) / Math.max(words, 1))} * (${covered.join(' + ') || '0'}))`;
  const sources = scope.sources?.length ? ` AND t.source IN (${placeholders(scope.sources.length)})` : '';
  const join = scope.conditions.length ? ' JOIN search_documents d ON d.id = t.document_id' : '';
  const where = `t.term IN (${placeholders(terms.length)})${sources}${scope.conditions.map((c) => ` AND ${c.sql}`).join('')}`;
  const whereParams = [...terms, ...(scope.sources ?? []), ...scope.conditions.flatMap((c) => c.params)];
  // COUNT(*) OVER () counts every matching document before the LIMIT: one statement for both
  const rows: { id: number; total: number | string }[] = await manager.query(
    `SELECT id, COUNT(*) OVER () AS total FROM (SELECT t.document_id AS id, MAX(t.occurred_at) AS occurred_at, ${columns.join(', ')} FROM search_terms t${join} WHERE ${where} GROUP BY t.document_id) x ORDER BY (${sum}) * ${coverage} DESC, occurred_at DESC, id ASC LIMIT ?`,
    [...params, ...whereParams, limit],
  );
  return { ids: rows.map((r) => Number(r.id)), total: Number(rows[0]?.total ?? 0) };
}

/** The postings of the terms in these documents, to score them exactly, with when each document happened. */
export async function postingsOf(manager: EntityManager, terms: string[], documentIds: number[]): Promise<Posting[]> {
  if (!terms.length || !documentIds.length) return [];
  const rows: {
    document_id: number;
    term: string;
    title_count: number;
    body_count: number;
    term_count: number;
    occurred_at: Date | string;
  }[] = await manager.query(
    `SELECT document_id, term, title_count, body_count, term_count, occurred_at FROM search_terms WHERE document_id IN (${placeholders(documentIds.length)}) AND term IN (${placeholders(terms.length)})`,
    [...documentIds, ...terms],
  );
  const asked = new Set(terms);
  return rows
    .filter((r) => asked.has(r.term))
    .map((r) => ({
      documentId: Number(r.document_id),
      term: r.term,
      titleCount: Number(r.title_count),
      bodyCount: Number(r.body_count),
      termCount: Number(r.term_count),
      occurredAt: parseDbTime(r.occurred_at),
    }));
}
