import { EntityManager } from 'typeorm';
import { dialectOf } from './dialect';

/** Extra conditions on search_documents (alias `d`), with `?` placeholders. */
export interface DocumentCondition {
  sql: string;
  params: unknown[];
}

/**
 * The one dialect-specific part of search: ids of search_documents whose title or body holds a word
 * starting with any of `terms` (MariaDB FULLTEXT, SQLite FTS5), the `limit` most recent. Not the engines'
 * own relevance: it differs between them, and the caller ranks the same way on both. Terms must be plain
 * words (letters, digits, "_"), which both engines read the same.
 */
export async function fullTextMatches(
  manager: EntityManager,
  terms: string[],
  conditions: DocumentCondition[],
  limit: number,
): Promise<number[]> {
  if (!terms.length) return [];
  const where = conditions.map((c) => ` AND ${c.sql}`).join('');
  const params = conditions.flatMap((c) => c.params);
  const rows: { id: number }[] =
    dialectOf(manager.connection) === 'mariadb'
      ? await manager.query(
          `SELECT d.id FROM search_documents d WHERE MATCH(d.title, d.body) AGAINST (? IN BOOLEAN MODE)${where} ORDER BY d.occurred_at DESC, d.id DESC LIMIT ?`,
          [terms.map((t) => `${t}*`).join(' '), ...params, limit],
        )
      : await manager.query(
          `SELECT d.id FROM search_fts JOIN search_documents d ON d.id = search_fts.rowid WHERE search_fts MATCH ?${where} ORDER BY d.occurred_at DESC, d.id DESC LIMIT ?`,
          [terms.map((t) => `"${t}"*`).join(' OR '), ...params, limit],
        );
  return rows.map((r) => Number(r.id));
}
