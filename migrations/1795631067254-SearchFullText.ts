import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../src/database/dialect-migration';

/**
 * Written by hand: the full-text index over search_documents, which TypeORM cannot describe for both
 * dialects. MariaDB gets a FULLTEXT index; SQLite gets an FTS5 table that mirrors the rows through
 * triggers. Both keep "_" inside words (InnoDB does; FTS5 is told to), so they split text alike.
 * Records written before search existed are copied in (notes did not exist yet). A later migration that
 * rebuilds search_documents on SQLite must create the triggers again.
 */
export class SearchFullText1795631067254 implements MigrationInterface {
  name = 'SearchFullText1795631067254';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mariadb: [
        'ALTER TABLE `search_documents` ADD FULLTEXT INDEX `ft_search_documents` (`title`, `body`)',
        "INSERT INTO `search_documents` (`source`, `source_id`, `client_id`, `session_id`, `mode`, `occurred_at`, `title`, `body`) SELECT 'SESSION', s.id, s.client_id, s.id, s.mode, s.started_at, LEFT(COALESCE(s.title, ''), 300), COALESCE(s.summary, '') FROM `sessions` s",
        "INSERT INTO `search_documents` (`source`, `source_id`, `client_id`, `session_id`, `mode`, `occurred_at`, `title`, `body`) SELECT 'WORK_ITEM', w.id, s.client_id, s.id, s.mode, w.created_at, '', w.description FROM `work_items` w JOIN `sessions` s ON s.id = w.session_id",
        "INSERT INTO `search_documents` (`source`, `source_id`, `client_id`, `session_id`, `mode`, `occurred_at`, `title`, `body`) SELECT 'PROBLEM_SOLUTION', p.id, s.client_id, s.id, s.mode, p.created_at, LEFT(p.symptom, 300), CONCAT_WS('\\n', p.root_cause, p.solution) FROM `problem_solutions` p JOIN `sessions` s ON s.id = p.session_id",
        "INSERT INTO `search_documents` (`source`, `source_id`, `client_id`, `session_id`, `mode`, `occurred_at`, `title`, `body`) SELECT 'COMMAND', c.id, s.client_id, s.id, s.mode, c.ran_at, LEFT(c.command, 300), CONCAT_WS('\\n', c.error_message, c.host) FROM `commands_run` c JOIN `sessions` s ON s.id = c.session_id",
        "INSERT INTO `search_documents` (`source`, `source_id`, `client_id`, `session_id`, `mode`, `occurred_at`, `title`, `body`) SELECT 'FAILURE_PATTERN', f.id, NULL, NULL, NULL, f.last_seen_at, LEFT(f.description, 300), CONCAT_WS('\\n', f.recommended_alternative, f.environment_conditions) FROM `failure_patterns` f",
      ],
      sqlite: [
        "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_documents', content_rowid='id', tokenize=\"unicode61 remove_diacritics 2 tokenchars '_'\")",
        'CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END',
        "CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); END",
        "CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
        "INSERT INTO search_documents (source, source_id, client_id, session_id, mode, occurred_at, title, body) SELECT 'SESSION', s.id, s.client_id, s.id, s.mode, s.started_at, SUBSTR(COALESCE(s.title, ''), 1, 300), COALESCE(s.summary, '') FROM sessions s",
        "INSERT INTO search_documents (source, source_id, client_id, session_id, mode, occurred_at, title, body) SELECT 'WORK_ITEM', w.id, s.client_id, s.id, s.mode, w.created_at, '', w.description FROM work_items w JOIN sessions s ON s.id = w.session_id",
        "INSERT INTO search_documents (source, source_id, client_id, session_id, mode, occurred_at, title, body) SELECT 'PROBLEM_SOLUTION', p.id, s.client_id, s.id, s.mode, p.created_at, SUBSTR(p.symptom, 1, 300), COALESCE(p.root_cause || char(10), '') || p.solution FROM problem_solutions p JOIN sessions s ON s.id = p.session_id",
        "INSERT INTO search_documents (source, source_id, client_id, session_id, mode, occurred_at, title, body) SELECT 'COMMAND', c.id, s.client_id, s.id, s.mode, c.ran_at, SUBSTR(c.command, 1, 300), COALESCE(c.error_message, '') || COALESCE(char(10) || c.host, '') FROM commands_run c JOIN sessions s ON s.id = c.session_id",
        "INSERT INTO search_documents (source, source_id, client_id, session_id, mode, occurred_at, title, body) SELECT 'FAILURE_PATTERN', f.id, NULL, NULL, NULL, f.last_seen_at, SUBSTR(f.description, 1, 300), COALESCE(f.recommended_alternative || char(10), '') || f.environment_conditions FROM failure_patterns f",
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mariadb: ['ALTER TABLE `search_documents` DROP INDEX `ft_search_documents`', 'DELETE FROM `search_documents`'],
      sqlite: [
        'DROP TRIGGER search_documents_au',
        'DROP TRIGGER search_documents_ad',
        'DROP TRIGGER search_documents_ai',
        'DROP TABLE search_fts',
        'DELETE FROM search_documents',
      ],
    });
  }
}
