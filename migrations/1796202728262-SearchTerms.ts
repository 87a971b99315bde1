import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../src/database/dialect-migration';
import { reindexAllDocuments } from '../src/knowledge/term-index';

/**
 * The term table of search (src/knowledge/term-index.ts) and each document's term count, filled from the
 * documents already there. SQLite rebuilds search_documents, so the FTS5 triggers are created again.
 */
export class SearchTerms1796202728262 implements MigrationInterface {
  name = 'SearchTerms1796202728262';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mariadb: [
      "CREATE TABLE `search_terms` (`id` int NOT NULL AUTO_INCREMENT, `document_id` int NOT NULL, `term` varchar(64) NOT NULL, `title_count` int NOT NULL, `body_count` int NOT NULL, INDEX `ix_search_terms_document` (`document_id`), INDEX `ix_search_terms_term` (`term`, `document_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
      "ALTER TABLE `search_documents` ADD `term_count` int NOT NULL DEFAULT '0'",
      "ALTER TABLE `search_terms` ADD CONSTRAINT `FK_8bc47a375c7dce774aa400ea710` FOREIGN KEY (`document_id`) REFERENCES `search_documents`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION",
    ],
      sqlite: [
      "CREATE TABLE \"search_terms\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"document_id\" integer NOT NULL, \"term\" varchar(64) NOT NULL, \"title_count\" integer NOT NULL, \"body_count\" integer NOT NULL)",
      "CREATE INDEX \"ix_search_terms_document\" ON \"search_terms\" (\"document_id\") ",
      "CREATE INDEX \"ix_search_terms_term\" ON \"search_terms\" (\"term\", \"document_id\") ",
      "DROP INDEX \"ix_search_documents_client\"",
      "CREATE TABLE \"temporary_search_documents\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"source\" varchar(20) NOT NULL, \"source_id\" integer NOT NULL, \"client_id\" integer, \"session_id\" integer, \"mode\" varchar(10), \"occurred_at\" datetime(3) NOT NULL, \"title\" varchar(300) NOT NULL, \"body\" text NOT NULL, \"term_count\" integer NOT NULL DEFAULT (0), CONSTRAINT \"uq_search_documents_source\" UNIQUE (\"source\", \"source_id\"), CONSTRAINT \"FK_c414ebc53a86512fcae9afbb209\" FOREIGN KEY (\"session_id\") REFERENCES \"sessions\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_ae71b1c13cb2b205ce21bae87d8\" FOREIGN KEY (\"client_id\") REFERENCES \"clients\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)",
      "INSERT INTO \"temporary_search_documents\"(\"id\", \"source\", \"source_id\", \"client_id\", \"session_id\", \"mode\", \"occurred_at\", \"title\", \"body\") SELECT \"id\", \"source\", \"source_id\", \"client_id\", \"session_id\", \"mode\", \"occurred_at\", \"title\", \"body\" FROM \"search_documents\"",
      "DROP TABLE \"search_documents\"",
      "ALTER TABLE \"temporary_search_documents\" RENAME TO \"search_documents\"",
      "CREATE INDEX \"ix_search_documents_client\" ON \"search_documents\" (\"client_id\", \"occurred_at\") ",
      // the rebuild dropped the FTS5 triggers of SearchFullText: the same again
      "CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
      "CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); END",
      "CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
      "DROP INDEX \"ix_search_terms_document\"",
      "DROP INDEX \"ix_search_terms_term\"",
      "CREATE TABLE \"temporary_search_terms\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"document_id\" integer NOT NULL, \"term\" varchar(64) NOT NULL, \"title_count\" integer NOT NULL, \"body_count\" integer NOT NULL, CONSTRAINT \"FK_8bc47a375c7dce774aa400ea710\" FOREIGN KEY (\"document_id\") REFERENCES \"search_documents\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)",
      "INSERT INTO \"temporary_search_terms\"(\"id\", \"document_id\", \"term\", \"title_count\", \"body_count\") SELECT \"id\", \"document_id\", \"term\", \"title_count\", \"body_count\" FROM \"search_terms\"",
      "DROP TABLE \"search_terms\"",
      "ALTER TABLE \"temporary_search_terms\" RENAME TO \"search_terms\"",
      "CREATE INDEX \"ix_search_terms_document\" ON \"search_terms\" (\"document_id\") ",
      "CREATE INDEX \"ix_search_terms_term\" ON \"search_terms\" (\"term\", \"document_id\") ",
    ],
    });
    await reindexAllDocuments(queryRunner.manager);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mariadb: [
      "ALTER TABLE `search_terms` DROP FOREIGN KEY `FK_8bc47a375c7dce774aa400ea710`",
      "ALTER TABLE `search_documents` DROP COLUMN `term_count`",
      "DROP INDEX `ix_search_terms_term` ON `search_terms`",
      "DROP INDEX `ix_search_terms_document` ON `search_terms`",
      "DROP TABLE `search_terms`",
    ],
      sqlite: [
      "DROP INDEX \"ix_search_terms_term\"",
      "DROP INDEX \"ix_search_terms_document\"",
      "ALTER TABLE \"search_terms\" RENAME TO \"temporary_search_terms\"",
      "CREATE TABLE \"search_terms\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"document_id\" integer NOT NULL, \"term\" varchar(64) NOT NULL, \"title_count\" integer NOT NULL, \"body_count\" integer NOT NULL)",
      "INSERT INTO \"search_terms\"(\"id\", \"document_id\", \"term\", \"title_count\", \"body_count\") SELECT \"id\", \"document_id\", \"term\", \"title_count\", \"body_count\" FROM \"temporary_search_terms\"",
      "DROP TABLE \"temporary_search_terms\"",
      "CREATE INDEX \"ix_search_terms_term\" ON \"search_terms\" (\"term\", \"document_id\") ",
      "CREATE INDEX \"ix_search_terms_document\" ON \"search_terms\" (\"document_id\") ",
      "DROP INDEX \"ix_search_documents_client\"",
      "ALTER TABLE \"search_documents\" RENAME TO \"temporary_search_documents\"",
      "CREATE TABLE \"search_documents\" (\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL, \"source\" varchar(20) NOT NULL, \"source_id\" integer NOT NULL, \"client_id\" integer, \"session_id\" integer, \"mode\" varchar(10), \"occurred_at\" datetime(3) NOT NULL, \"title\" varchar(300) NOT NULL, \"body\" text NOT NULL, CONSTRAINT \"uq_search_documents_source\" UNIQUE (\"source\", \"source_id\"), CONSTRAINT \"FK_c414ebc53a86512fcae9afbb209\" FOREIGN KEY (\"session_id\") REFERENCES \"sessions\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_ae71b1c13cb2b205ce21bae87d8\" FOREIGN KEY (\"client_id\") REFERENCES \"clients\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)",
      "INSERT INTO \"search_documents\"(\"id\", \"source\", \"source_id\", \"client_id\", \"session_id\", \"mode\", \"occurred_at\", \"title\", \"body\") SELECT \"id\", \"source\", \"source_id\", \"client_id\", \"session_id\", \"mode\", \"occurred_at\", \"title\", \"body\" FROM \"temporary_search_documents\"",
      "DROP TABLE \"temporary_search_documents\"",
      "CREATE INDEX \"ix_search_documents_client\" ON \"search_documents\" (\"client_id\", \"occurred_at\") ",
      // the rebuild dropped the FTS5 triggers of SearchFullText: the same again
      "CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
      "CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); END",
      "CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN INSERT INTO search_fts(search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END",
      "DROP INDEX \"ix_search_terms_term\"",
      "DROP INDEX \"ix_search_terms_document\"",
      "DROP TABLE \"search_terms\"",
    ],
    });
  }
}
