import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../src/database/dialect-migration';

export class BilledRateAndKeyHash1795625867109 implements MigrationInterface {
  name = 'BilledRateAndKeyHash1795625867109';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mariadb: [
        'ALTER TABLE `sessions` ADD `billed_rate_cents` int NULL',
        'ALTER TABLE `idempotency_keys` DROP PRIMARY KEY',
        'ALTER TABLE `idempotency_keys` ADD PRIMARY KEY (`operation`)',
        'ALTER TABLE `idempotency_keys` DROP COLUMN `key`',
        'ALTER TABLE `idempotency_keys` ADD `key` varchar(64) NOT NULL',
        'ALTER TABLE `idempotency_keys` DROP PRIMARY KEY',
        'ALTER TABLE `idempotency_keys` ADD PRIMARY KEY (`operation`, `key`)',
      ],
      sqlite: [
        'DROP INDEX "ix_sessions_machine_started_at"',
        'DROP INDEX "ix_sessions_project_started_at"',
        'DROP INDEX "ix_sessions_client_started_at"',
        'DROP INDEX "ix_sessions_started_at"',
        'CREATE TABLE "temporary_sessions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "mode" varchar(10) NOT NULL, "client_id" integer, "project_id" integer, "machine_id" integer, "title" varchar(300), "billable" boolean NOT NULL, "started_at" datetime(3) NOT NULL, "ended_at" datetime(3), "summary" text, "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL, "billed_at" datetime(3), "billed_rate_cents" integer, CONSTRAINT "FK_7af6ac1cd093d361012865a0a48" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_d9ea2f57c99bf176e702f2d3aef" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_792d25d050bb2c5f5759cf9517a" FOREIGN KEY ("machine_id") REFERENCES "machines" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
        'INSERT INTO "temporary_sessions"("id", "mode", "client_id", "project_id", "machine_id", "title", "billable", "started_at", "ended_at", "summary", "created_at", "updated_at", "billed_at") SELECT "id", "mode", "client_id", "project_id", "machine_id", "title", "billable", "started_at", "ended_at", "summary", "created_at", "updated_at", "billed_at" FROM "sessions"',
        'DROP TABLE "sessions"',
        'ALTER TABLE "temporary_sessions" RENAME TO "sessions"',
        'CREATE INDEX "ix_sessions_machine_started_at" ON "sessions" ("machine_id", "started_at") ',
        'CREATE INDEX "ix_sessions_project_started_at" ON "sessions" ("project_id", "started_at") ',
        'CREATE INDEX "ix_sessions_client_started_at" ON "sessions" ("client_id", "started_at") ',
        'CREATE INDEX "ix_sessions_started_at" ON "sessions" ("started_at", "id") ',
        'CREATE TABLE "temporary_idempotency_keys" ("operation" varchar(50) NOT NULL, "key" varchar(64) NOT NULL, "request_hash" varchar(64) NOT NULL, "result_id" integer, "created_at" datetime(3) NOT NULL, PRIMARY KEY ("operation", "key"))',
        'INSERT INTO "temporary_idempotency_keys"("operation", "key", "request_hash", "result_id", "created_at") SELECT "operation", "key", "request_hash", "result_id", "created_at" FROM "idempotency_keys"',
        'DROP TABLE "idempotency_keys"',
        'ALTER TABLE "temporary_idempotency_keys" RENAME TO "idempotency_keys"',
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mariadb: [
        'ALTER TABLE `idempotency_keys` DROP PRIMARY KEY',
        'ALTER TABLE `idempotency_keys` ADD PRIMARY KEY (`operation`)',
        'ALTER TABLE `idempotency_keys` DROP COLUMN `key`',
        'ALTER TABLE `idempotency_keys` ADD `key` varchar(100) NOT NULL',
        'ALTER TABLE `idempotency_keys` DROP PRIMARY KEY',
        'ALTER TABLE `idempotency_keys` ADD PRIMARY KEY (`operation`, `key`)',
        'ALTER TABLE `sessions` DROP COLUMN `billed_rate_cents`',
      ],
      sqlite: [
        'ALTER TABLE "idempotency_keys" RENAME TO "temporary_idempotency_keys"',
        'CREATE TABLE "idempotency_keys" ("operation" varchar(50) NOT NULL, "key" varchar(100) NOT NULL, "request_hash" varchar(64) NOT NULL, "result_id" integer, "created_at" datetime(3) NOT NULL, PRIMARY KEY ("operation", "key"))',
        'INSERT INTO "idempotency_keys"("operation", "key", "request_hash", "result_id", "created_at") SELECT "operation", "key", "request_hash", "result_id", "created_at" FROM "temporary_idempotency_keys"',
        'DROP TABLE "temporary_idempotency_keys"',
        'DROP INDEX "ix_sessions_started_at"',
        'DROP INDEX "ix_sessions_client_started_at"',
        'DROP INDEX "ix_sessions_project_started_at"',
        'DROP INDEX "ix_sessions_machine_started_at"',
        'ALTER TABLE "sessions" RENAME TO "temporary_sessions"',
        'CREATE TABLE "sessions" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "mode" varchar(10) NOT NULL, "client_id" integer, "project_id" integer, "machine_id" integer, "title" varchar(300), "billable" boolean NOT NULL, "started_at" datetime(3) NOT NULL, "ended_at" datetime(3), "summary" text, "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL, "billed_at" datetime(3), CONSTRAINT "FK_7af6ac1cd093d361012865a0a48" FOREIGN KEY ("client_id") REFERENCES "clients" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_d9ea2f57c99bf176e702f2d3aef" FOREIGN KEY ("project_id") REFERENCES "projects" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_792d25d050bb2c5f5759cf9517a" FOREIGN KEY ("machine_id") REFERENCES "machines" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
        'INSERT INTO "sessions"("id", "mode", "client_id", "project_id", "machine_id", "title", "billable", "started_at", "ended_at", "summary", "created_at", "updated_at", "billed_at") SELECT "id", "mode", "client_id", "project_id", "machine_id", "title", "billable", "started_at", "ended_at", "summary", "created_at", "updated_at", "billed_at" FROM "temporary_sessions"',
        'DROP TABLE "temporary_sessions"',
        'CREATE INDEX "ix_sessions_started_at" ON "sessions" ("started_at", "id") ',
        'CREATE INDEX "ix_sessions_client_started_at" ON "sessions" ("client_id", "started_at") ',
        'CREATE INDEX "ix_sessions_project_started_at" ON "sessions" ("project_id", "started_at") ',
        'CREATE INDEX "ix_sessions_machine_started_at" ON "sessions" ("machine_id", "started_at") ',
      ],
    });
  }
}
