/**
 * The search_terms table: each search document's terms (see text-analysis.ts), written in the transaction
 * that writes the document, and read back by plain SQL that both databases answer alike. Engines' own
 * full-text rules (minimum word length, stopwords, tokenising) play no part.
 */
import { EntityManager } from 'typeorm';
import { parseDbTime } from '../database/db-time';
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
export async function writeDocumentTerms(manager: EntityManager, documentId: number, title: string, body: string): Promise<void> {
  const { counts, length } = documentTerms(title, body);
  await manager.query('DELETE FROM search_terms WHERE document_id = ?', [documentId]);
  const rows = [...counts].map(([term, c]) => [documentId, term, c.title, c.body]);
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    await manager.query(`INSERT INTO search_terms (document_id, term, title_count, body_count) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`, chunk.flat());
  }
  await manager.query('UPDATE search_documents SET term_count = ? WHERE id = ?', [length, documentId]);
}

/** Rebuilds the terms of every document (a migration's backfill, or after the analysis changed). */
export async function reindexAllDocuments(manager: EntityManager): Promise<void> {
  for (let after = 0; ; ) {
    const batch: { id: number; title: string; body: string }[] = await manager.query('SELECT id, title, body FROM search_documents WHERE id > ? ORDER BY id LIMIT ?', [after, REINDEX_BATCH]);
    if (!batch.length) return;
    for (const d of batch) await writeDocumentTerms(manager, Number(d.id), d.title, d.body);
    after = Number(batch[batch.length - 1].id);
  }
}

/** How many documents hold each term (all documents, whatever a search's filter: ranking must not depend on it). */
export async function documentFrequencies(manager: EntityManager, terms: string[]): Promise<Map<string, number>> {
  if (!terms.length) return new Map();
  const rows: { term: string; n: number | string }[] = await manager.query(`SELECT term, COUNT(*) AS n FROM search_terms WHERE term IN (${placeholders(terms.length)}) GROUP BY term`, terms);
  // MariaDB compares with its collation (ß = ss): keep exact matches only, as SQLite does
  return new Map(rows.filter((r) => terms.includes(r.term)).map((r) => [r.term, Number(r.n)]));
}

/** Terms of the index starting with one of the letters, with their document counts: the vocabulary typos are matched against. */
export async function vocabularyStartingWith(manager: EntityManager, letters: string[]): Promise<{ term: string; documents: number }[]> {
  if (!letters.length) return [];
  const ranges = letters.map(() => '(term >= ? AND term < ?)').join(' OR ');
  const params = letters.flatMap((l) => [l, String.fromCharCode(l.charCodeAt(0) + 1)]);
  const rows: { term: string; n: number | string }[] = await manager.query(`SELECT term, COUNT(*) AS n FROM search_terms WHERE ${ranges} GROUP BY term`, params);
  return rows.filter((r) => letters.includes(r.term.charAt(0))).map((r) => ({ term: r.term, documents: Number(r.n) }));
}

export async function documentCount(manager: EntityManager): Promise<number> {
  const [row]: { n: number | string }[] = await manager.query('SELECT COUNT(*) AS n FROM search_documents');
  return Number(row.n);
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

/** Every posting of the terms among the documents meeting the conditions. */
export async function postings(manager: EntityManager, terms: string[], conditions: DocumentCondition[]): Promise<Posting[]> {
  if (!terms.length) return [];
  const where = conditions.map((c) => ` AND ${c.sql}`).join('');
  const rows: { document_id: number; term: string; title_count: number; body_count: number; term_count: number; occurred_at: Date | string }[] = await manager.query(
    `SELECT t.document_id, t.term, t.title_count, t.body_count, d.term_count, d.occurred_at FROM search_terms t JOIN search_documents d ON d.id = t.document_id WHERE t.term IN (${placeholders(terms.length)})${where}`,
    [...terms, ...conditions.flatMap((c) => c.params)],
  );
  return rows
    .filter((r) => terms.includes(r.term))
    .map((r) => ({
      documentId: Number(r.document_id),
      term: r.term,
      titleCount: Number(r.title_count),
      bodyCount: Number(r.body_count),
      termCount: Number(r.term_count),
      occurredAt: parseDbTime(r.occurred_at),
    }));
}
