import { EntityManager } from 'typeorm';
import { dialectOf } from './dialect';

/** Extra conditions on search_documents (alias `d`), with `?` placeholders. */
export interface DocumentCondition {
  sql: string;
  params: unknown[];
}

/**
 * The one dialect-specific part of search: ids of search_documents whose title or body holds a word
 * starting with any of `terms`, best native match first (MariaDB FULLTEXT relevance, SQLite FTS5 bm25),
 * at most `limit`. Terms must be plain words (letters, digits, "_"), which both engines read the same.
 */
export async function fullTextMatches(manager: EntityManager, terms: string[], conditions: DocumentCondition[], limit: number): Promise<number[]> {
  if (!terms.length) return [];
  const where = conditions.map((c) => ` AND ${c.sql}`).join('');
  const params = conditions.flatMap((c) => c.params);
  const rows: { id: number }[] =
    dialectOf(manager.connection) === 'mariadb'
      ? await manager.query(
          `SELECT d.id FROM search_documents d WHERE MATCH(d.title, d.body) AGAINST (? IN BOOLEAN MODE)${where} ORDER BY MATCH(d.title, d.body) AGAINST (? IN BOOLEAN MODE) DESC, d.id LIMIT ?`,
          [terms.map((t) => `${t}*`).join(' '), ...params, terms.map((t) => `${t}*`).join(' '), limit],
        )
      : await manager.query(
          `SELECT d.id FROM search_fts JOIN search_documents d ON d.id = search_fts.rowid WHERE search_fts MATCH ?${where} ORDER BY search_fts.rank, d.id LIMIT ?`,
          [terms.map((t) => `"${t}"*`).join(' OR '), ...params, limit],
        );
  return rows.map((r) => Number(r.id));
}
