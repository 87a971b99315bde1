import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../src/database/dialect-migration';

export class ChangeLogIdempotencyBilling1795623099942 implements MigrationInterface {
  name = 'ChangeLogIdempotencyBilling1795623099942';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mariadb: [
        'CREATE TABLE `change_log` (`id` int NOT NULL AUTO_INCREMENT, `object_type` varchar(50) NOT NULL, `object_id` int NOT NULL, `action` varchar(20) NOT NULL, `before` text NULL, `after` text NOT NULL, `reason` varchar(500) NULL, `request_id` varchar(100) NOT NULL, `actor` varchar(100) NOT NULL, `created_at` datetime(3) NOT NULL, INDEX `ix_change_log_object` (`object_type`, `object_id`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        'CREATE TABLE `idempotency_keys` (`operation` varchar(50) NOT NULL, `key` varchar(100) NOT NULL, `request_hash` varchar(64) NOT NULL, `result_id` int NULL, `created_at` datetime(3) NOT NULL, PRIMARY KEY (`operation`, `key`)) ENGINE=InnoDB',
        'ALTER TABLE `sessions` ADD `billed_at` datetime(3) NULL',
        'ALTER TABLE `work_items` ADD `billed_at` datetime(3) NULL',
      ],
      sqlite: [
        'CREATE TABLE "change_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "object_type" varchar(50) NOT NULL, "object_id" integer NOT NULL, "action" varchar(20) NOT NULL, "before" text, "after" text NOT NULL, "reason" varchar(500), "request_id" varchar(100) NOT NULL, "actor" varchar(100) NOT NULL, "created_at" datetime(3) NOT NULL)',
        'CREATE INDEX "ix_change_log_object" ON "change_log" ("object_type", "object_id", "id") ',
        'CREATE TABLE "idempotency_keys" ("operation" varchar(50) NOT NULL, "key" varchar(100) NOT NULL, "request_hash" varchar(64) NOT NULL, "result_id" integer, "created_at" datetime(3) NOT NULL, PRIMARY KEY ("operation", "key"))',
        'DROP INDEX "ix_sessions_started_at"',
        'DROP INDEX "ix_sessions_client_started_at"',
        'DROP INDEX "ix_sessions_project_started_at"',
        'DROP INDEX "ix_sessions_machine_started_at"',
        'CREATE TABLE "temporary_sessions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "mode" varchar(10) NOT NULL, "client_id" integer, "project_id" integer, "machine_id" integer, "title" varchar(300), "billable" boolean NOT NULL, "started_at" datetime(3) NOT NULL, "ended_at" datetime(3), "summary" text, "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL, "billed_at" datetime(3), CONSTRAINT "FK_792d25d050bb2c5f5759cf9517a" FOREIGN KEY ("machine_id") REFERENCES "machines" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_d9ea2f57c99bf176e702f2d3aef" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_7af6ac1cd093d361012865a0a48" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
        'INSERT INTO "temporary_sessions"("id", "mode", "client_id", "project_id", "machine_id", "title", "billable", "started_at", "ended_at", "summary", "created_at", "updated_at") SELECT "id", "mode", "client_id", "project_id", "machine_id", "title", "billable", "started_at", "ended_at", "summary", "created_at", "updated_at" FROM "sessions"',
        'DROP TABLE "sessions"',
        'ALTER TABLE "temporary_sessions" RENAME TO "sessions"',
        'CREATE INDEX "ix_sessions_started_at" ON "sessions" ("started_at", "id") ',
        'CREATE INDEX "ix_sessions_client_started_at" ON "sessions" ("client_id", "started_at") ',
        'CREATE INDEX "ix_sessions_project_started_at" ON "sessions" ("project_id", "started_at") ',
        'CREATE INDEX "ix_sessions_machine_started_at" ON "sessions" ("machine_id", "started_at") ',
        'DROP INDEX "ix_work_items_session_created_at"',
        'CREATE TABLE "temporary_work_items" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "session_id" integer NOT NULL, "category" varchar(30) NOT NULL, "description" varchar(2000) NOT NULL, "minutes" integer NOT NULL, "billable" boolean NOT NULL, "created_at" datetime(3) NOT NULL, "billed_at" datetime(3), CONSTRAINT "FK_bf2ac54f3468410b1f81a69fab4" FOREIGN KEY ("session_id") REFERENCES "sessions" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
        'INSERT INTO "temporary_work_items"("id", "session_id", "category", "description", "minutes", "billable", "created_at") SELECT "id", "session_id", "category", "description", "minutes", "billable", "created_at" FROM "work_items"',
        'DROP TABLE "work_items"',
        'ALTER TABLE "temporary_work_items" RENAME TO "work_items"',
        'CREATE INDEX "ix_work_items_session_created_at" ON "work_items" ("session_id", "created_at") ',
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mariadb: [
        'ALTER TABLE `work_items` DROP COLUMN `billed_at`',
        'ALTER TABLE `sessions` DROP COLUMN `billed_at`',
        'DROP TABLE `idempotency_keys`',
        'DROP INDEX `ix_change_log_object` ON `change_log`',
        'DROP TABLE `change_log`',
      ],
      sqlite: [
        'DROP INDEX "ix_work_items_session_created_at"',
        'ALTER TABLE "work_items" RENAME TO "temporary_work_items"',
        'CREATE TABLE "work_items" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "session_id" integer NOT NULL, "category" varchar(30) NOT NULL, "description" varchar(2000) NOT NULL, "minutes" integer NOT NULL, "billable" boolean NOT NULL, "created_at" datetime(3) NOT NULL, CONSTRAINT "FK_bf2ac54f3468410b1f81a69fab4" FOREIGN KEY ("session_id") REFERENCES "sessions" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
        'INSERT INTO "work_items"("id", "session_id", "category", "description", "minutes", "billable", "created_at") SELECT "id", "session_id", "category", "description", "minutes", "billable", "created_at" FROM "temporary_work_items"',
        'DROP TABLE "temporary_work_items"',
        'CREATE INDEX "ix_work_items_session_created_at" ON "work_items" ("session_id", "created_at") ',
        'DROP INDEX "ix_sessions_machine_started_at"',
        'DROP INDEX "ix_sessions_project_started_at"',
        'DROP INDEX "ix_sessions_client_started_at"',
        'DROP INDEX "ix_sessions_started_at"',
        'ALTER TABLE "sessions" RENAME TO "temporary_sessions"',
        'CREATE TABLE "sessions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "mode" varchar(10) NOT NULL, "client_id" integer, "project_id" integer, "machine_id" integer, "title" varchar(300), "billable" boolean NOT NULL, "started_at" datetime(3) NOT NULL, "ended_at" datetime(3), "summary" text, "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL, CONSTRAINT "FK_792d25d050bb2c5f5759cf9517a" FOREIGN KEY ("machine_id") REFERENCES "machines" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_d9ea2f57c99bf176e702f2d3aef" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_7af6ac1cd093d361012865a0a48" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
        'INSERT INTO "sessions"("id", "mode", "client_id", "project_id", "machine_id", "title", "billable", "started_at", "ended_at", "summary", "created_at", "updated_at") SELECT "id", "mode", "client_id", "project_id", "machine_id", "title", "billable", "started_at", "ended_at", "summary", "created_at", "updated_at" FROM "temporary_sessions"',
        'DROP TABLE "temporary_sessions"',
        'CREATE INDEX "ix_sessions_machine_started_at" ON "sessions" ("machine_id", "started_at") ',
        'CREATE INDEX "ix_sessions_project_started_at" ON "sessions" ("project_id", "started_at") ',
        'CREATE INDEX "ix_sessions_client_started_at" ON "sessions" ("client_id", "started_at") ',
        'CREATE INDEX "ix_sessions_started_at" ON "sessions" ("started_at", "id") ',
        'DROP TABLE "idempotency_keys"',
        'DROP INDEX "ix_change_log_object"',
        'DROP TABLE "change_log"',
      ],
    });
  }
}
