import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../src/database/dialect-migration';

export class Webhooks1796202149612 implements MigrationInterface {
  name = 'Webhooks1796202149612';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mariadb: [
        'CREATE TABLE `webhooks` (`id` int NOT NULL AUTO_INCREMENT, `url` varchar(2000) NOT NULL, `description` varchar(200) NULL, `events` text NOT NULL, `ciphertext` text NULL, `iv` varchar(32) NULL, `auth_tag` varchar(32) NULL, `key_version` int NULL, `enabled` tinyint NOT NULL, `consecutive_failures` int NOT NULL, `last_error` varchar(500) NULL, `last_failure_at` datetime(3) NULL, `disabled_at` datetime(3) NULL, `disabled_reason` varchar(500) NULL, `created_at` datetime(3) NOT NULL, `updated_at` datetime(3) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
        'CREATE TABLE `webhook_deliveries` (`id` int NOT NULL AUTO_INCREMENT, `event_id` varchar(36) NOT NULL, `webhook_id` int NOT NULL, `event` varchar(40) NOT NULL, `payload` text NOT NULL, `status` varchar(10) NOT NULL, `attempts` int NOT NULL, `next_attempt_at` datetime(3) NOT NULL, `lease_owner` varchar(64) NULL, `lease_until` datetime(3) NULL, `last_status_code` int NULL, `last_error` varchar(500) NULL, `delivered_at` datetime(3) NULL, `created_at` datetime(3) NOT NULL, `updated_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_webhook_deliveries_event` (`event_id`), INDEX `ix_webhook_deliveries_webhook` (`webhook_id`, `id`), INDEX `ix_webhook_deliveries_due` (`status`, `next_attempt_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        'ALTER TABLE `webhook_deliveries` ADD CONSTRAINT `FK_a0286aeb96db651efd1ae2966f2` FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
      ],
      sqlite: [
        'CREATE TABLE "webhooks" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "url" varchar(2000) NOT NULL, "description" varchar(200), "events" text NOT NULL, "ciphertext" text, "iv" varchar(32), "auth_tag" varchar(32), "key_version" integer, "enabled" boolean NOT NULL, "consecutive_failures" integer NOT NULL, "last_error" varchar(500), "last_failure_at" datetime(3), "disabled_at" datetime(3), "disabled_reason" varchar(500), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL)',
        'CREATE TABLE "webhook_deliveries" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "event_id" varchar(36) NOT NULL, "webhook_id" integer NOT NULL, "event" varchar(40) NOT NULL, "payload" text NOT NULL, "status" varchar(10) NOT NULL, "attempts" integer NOT NULL, "next_attempt_at" datetime(3) NOT NULL, "lease_owner" varchar(64), "lease_until" datetime(3), "last_status_code" integer, "last_error" varchar(500), "delivered_at" datetime(3), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL)',
        'CREATE UNIQUE INDEX "uq_webhook_deliveries_event" ON "webhook_deliveries" ("event_id") ',
        'CREATE INDEX "ix_webhook_deliveries_webhook" ON "webhook_deliveries" ("webhook_id", "id") ',
        'CREATE INDEX "ix_webhook_deliveries_due" ON "webhook_deliveries" ("status", "next_attempt_at") ',
        'DROP INDEX "uq_webhook_deliveries_event"',
        'DROP INDEX "ix_webhook_deliveries_webhook"',
        'DROP INDEX "ix_webhook_deliveries_due"',
        'CREATE TABLE "temporary_webhook_deliveries" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "event_id" varchar(36) NOT NULL, "webhook_id" integer NOT NULL, "event" varchar(40) NOT NULL, "payload" text NOT NULL, "status" varchar(10) NOT NULL, "attempts" integer NOT NULL, "next_attempt_at" datetime(3) NOT NULL, "lease_owner" varchar(64), "lease_until" datetime(3), "last_status_code" integer, "last_error" varchar(500), "delivered_at" datetime(3), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL, CONSTRAINT "FK_a0286aeb96db651efd1ae2966f2" FOREIGN KEY ("webhook_id") REFERENCES "webhooks" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
        'INSERT INTO "temporary_webhook_deliveries"("id", "event_id", "webhook_id", "event", "payload", "status", "attempts", "next_attempt_at", "lease_owner", "lease_until", "last_status_code", "last_error", "delivered_at", "created_at", "updated_at") SELECT "id", "event_id", "webhook_id", "event", "payload", "status", "attempts", "next_attempt_at", "lease_owner", "lease_until", "last_status_code", "last_error", "delivered_at", "created_at", "updated_at" FROM "webhook_deliveries"',
        'DROP TABLE "webhook_deliveries"',
        'ALTER TABLE "temporary_webhook_deliveries" RENAME TO "webhook_deliveries"',
        'CREATE UNIQUE INDEX "uq_webhook_deliveries_event" ON "webhook_deliveries" ("event_id") ',
        'CREATE INDEX "ix_webhook_deliveries_webhook" ON "webhook_deliveries" ("webhook_id", "id") ',
        'CREATE INDEX "ix_webhook_deliveries_due" ON "webhook_deliveries" ("status", "next_attempt_at") ',
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mariadb: [
        'ALTER TABLE `webhook_deliveries` DROP FOREIGN KEY `FK_a0286aeb96db651efd1ae2966f2`',
        'DROP INDEX `ix_webhook_deliveries_due` ON `webhook_deliveries`',
        'DROP INDEX `ix_webhook_deliveries_webhook` ON `webhook_deliveries`',
        'DROP INDEX `uq_webhook_deliveries_event` ON `webhook_deliveries`',
        'DROP TABLE `webhook_deliveries`',
        'DROP TABLE `webhooks`',
      ],
      sqlite: [
        'DROP INDEX "ix_webhook_deliveries_due"',
        'DROP INDEX "ix_webhook_deliveries_webhook"',
        'DROP INDEX "uq_webhook_deliveries_event"',
        'ALTER TABLE "webhook_deliveries" RENAME TO "temporary_webhook_deliveries"',
        'CREATE TABLE "webhook_deliveries" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "event_id" varchar(36) NOT NULL, "webhook_id" integer NOT NULL, "event" varchar(40) NOT NULL, "payload" text NOT NULL, "status" varchar(10) NOT NULL, "attempts" integer NOT NULL, "next_attempt_at" datetime(3) NOT NULL, "lease_owner" varchar(64), "lease_until" datetime(3), "last_status_code" integer, "last_error" varchar(500), "delivered_at" datetime(3), "created_at" datetime(3) NOT NULL, "updated_at" datetime(3) NOT NULL)',
        'INSERT INTO "webhook_deliveries"("id", "event_id", "webhook_id", "event", "payload", "status", "attempts", "next_attempt_at", "lease_owner", "lease_until", "last_status_code", "last_error", "delivered_at", "created_at", "updated_at") SELECT "id", "event_id", "webhook_id", "event", "payload", "status", "attempts", "next_attempt_at", "lease_owner", "lease_until", "last_status_code", "last_error", "delivered_at", "created_at", "updated_at" FROM "temporary_webhook_deliveries"',
        'DROP TABLE "temporary_webhook_deliveries"',
        'CREATE INDEX "ix_webhook_deliveries_due" ON "webhook_deliveries" ("status", "next_attempt_at") ',
        'CREATE INDEX "ix_webhook_deliveries_webhook" ON "webhook_deliveries" ("webhook_id", "id") ',
        'CREATE UNIQUE INDEX "uq_webhook_deliveries_event" ON "webhook_deliveries" ("event_id") ',
        'DROP INDEX "ix_webhook_deliveries_due"',
        'DROP INDEX "ix_webhook_deliveries_webhook"',
        'DROP INDEX "uq_webhook_deliveries_event"',
        'DROP TABLE "webhook_deliveries"',
        'DROP TABLE "webhooks"',
      ],
    });
  }
}
