import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../src/database/dialect-migration';
import { reindexAllDocuments } from '../src/knowledge/term-index';

/** The term table of search (src/knowledge/term-index.ts), filled from the documents already there. */
export class SearchTerms1796204123564 implements MigrationInterface {
  name = 'SearchTerms1796204123564';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mariadb: [
        'CREATE TABLE `search_terms` (`id` int NOT NULL AUTO_INCREMENT, `document_id` int NOT NULL, `source` varchar(20) NOT NULL, `term` varchar(64) NOT NULL, `title_count` int NOT NULL, `body_count` int NOT NULL, `term_count` int NOT NULL, `occurred_at` datetime(3) NOT NULL, INDEX `ix_search_terms_document` (`document_id`), INDEX `ix_search_terms_term` (`term`, `source`, `document_id`, `title_count`, `body_count`, `term_count`, `occurred_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        'ALTER TABLE `search_terms` ADD CONSTRAINT `FK_8bc47a375c7dce774aa400ea710` FOREIGN KEY (`document_id`) REFERENCES `search_documents`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
      ],
      sqlite: [
        'CREATE TABLE "search_terms" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "document_id" integer NOT NULL, "source" varchar(20) NOT NULL, "term" varchar(64) NOT NULL, "title_count" integer NOT NULL, "body_count" integer NOT NULL, "term_count" integer NOT NULL, "occurred_at" datetime(3) NOT NULL)',
        'CREATE INDEX "ix_search_terms_document" ON "search_terms" ("document_id") ',
        'CREATE INDEX "ix_search_terms_term" ON "search_terms" ("term", "source", "document_id", "title_count", "body_count", "term_count", "occurred_at") ',
        'DROP INDEX "ix_search_terms_document"',
        'DROP INDEX "ix_search_terms_term"',
        'CREATE TABLE "temporary_search_terms" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "document_id" integer NOT NULL, "source" varchar(20) NOT NULL, "term" varchar(64) NOT NULL, "title_count" integer NOT NULL, "body_count" integer NOT NULL, "term_count" integer NOT NULL, "occurred_at" datetime(3) NOT NULL, CONSTRAINT "FK_8bc47a375c7dce774aa400ea710" FOREIGN KEY ("document_id") REFERENCES "search_documents" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
        'INSERT INTO "temporary_search_terms"("id", "document_id", "source", "term", "title_count", "body_count", "term_count", "occurred_at") SELECT "id", "document_id", "source", "term", "title_count", "body_count", "term_count", "occurred_at" FROM "search_terms"',
        'DROP TABLE "search_terms"',
        'ALTER TABLE "temporary_search_terms" RENAME TO "search_terms"',
        'CREATE INDEX "ix_search_terms_document" ON "search_terms" ("document_id") ',
        'CREATE INDEX "ix_search_terms_term" ON "search_terms" ("term", "source", "document_id", "title_count", "body_count", "term_count", "occurred_at") ',
      ],
    });
    await reindexAllDocuments(queryRunner.manager);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mariadb: [
        'ALTER TABLE `search_terms` DROP FOREIGN KEY `FK_8bc47a375c7dce774aa400ea710`',
        'DROP INDEX `ix_search_terms_term` ON `search_terms`',
        'DROP INDEX `ix_search_terms_document` ON `search_terms`',
        'DROP TABLE `search_terms`',
      ],
      sqlite: [
        'DROP INDEX "ix_search_terms_term"',
        'DROP INDEX "ix_search_terms_document"',
        'ALTER TABLE "search_terms" RENAME TO "temporary_search_terms"',
        'CREATE TABLE "search_terms" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "document_id" integer NOT NULL, "source" varchar(20) NOT NULL, "term" varchar(64) NOT NULL, "title_count" integer NOT NULL, "body_count" integer NOT NULL, "term_count" integer NOT NULL, "occurred_at" datetime(3) NOT NULL)',
        'INSERT INTO "search_terms"("id", "document_id", "source", "term", "title_count", "body_count", "term_count", "occurred_at") SELECT "id", "document_id", "source", "term", "title_count", "body_count", "term_count", "occurred_at" FROM "temporary_search_terms"',
        'DROP TABLE "temporary_search_terms"',
        'CREATE INDEX "ix_search_terms_term" ON "search_terms" ("term", "source", "document_id", "title_count", "body_count", "term_count", "occurred_at") ',
        'CREATE INDEX "ix_search_terms_document" ON "search_terms" ("document_id") ',
        'DROP INDEX "ix_search_terms_term"',
        'DROP INDEX "ix_search_terms_document"',
        'DROP TABLE "search_terms"',
      ],
    });
  }
}
