import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../src/database/dialect-migration';

/**
 * Written by hand: the full-text index over search_documents, which TypeORM cannot describe for both
 * dialects. MariaDB gets a FULLTEXT index; SQLite gets an FTS5 table that mirrors the rows through
 * triggers. Both keep "_" inside words (InnoDB does; FTS5 is told to), so they split text alike. A later migration that rebuilds search_documents on SQLite must create the triggers again.
 */
export class SearchFullText1795631067254 implements MigrationInterface {
  name = 'SearchFullText1795631067254';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mariadb: ['ALTER TABLE `search_documents` ADD FULLTEXT INDEX `ft_search_documents` (`title`, `body`)'],
      sqlite: [
        "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_documents', content_rowid='id', tokenize=\"unicode61 remove_diacritics 2 tokenchars '_'\")",
        'CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END',
        "CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); END",
        "CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mariadb: ['ALTER TABLE `search_documents` DROP INDEX `ft_search_documents`'],
      sqlite: ['DROP TRIGGER search_documents_au', 'DROP TRIGGER search_documents_ad', 'DROP TRIGGER search_documents_ai', 'DROP TABLE search_fts'],
    });
  }
}
