import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../src/database/dialect-migration';

export class AuthTokens1795625615889 implements MigrationInterface {
  name = 'AuthTokens1795625615889';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mariadb: [
        'CREATE TABLE `refresh_tokens` (`id` varchar(36) NOT NULL, `user_id` int NOT NULL, `family_id` varchar(36) NOT NULL, `secret_hash` varchar(64) NOT NULL, `expires_at` datetime(3) NOT NULL, `used_at` datetime(3) NULL, `revoked_at` datetime(3) NULL, `created_at` datetime(3) NOT NULL, INDEX `ix_refresh_tokens_family` (`family_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        'CREATE TABLE `revoked_tokens` (`jti` varchar(36) NOT NULL, `expires_at` datetime(3) NOT NULL, `created_at` datetime(3) NOT NULL, INDEX `ix_revoked_tokens_expires` (`expires_at`), PRIMARY KEY (`jti`)) ENGINE=InnoDB',
        'ALTER TABLE `refresh_tokens` ADD CONSTRAINT `FK_3ddc983c5f7bcf132fd8732c3f4` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
      ],
      sqlite: [
        'CREATE TABLE "refresh_tokens" ("id" varchar(36) PRIMARY KEY NOT NULL, "user_id" integer NOT NULL, "family_id" varchar(36) NOT NULL, "secret_hash" varchar(64) NOT NULL, "expires_at" datetime(3) NOT NULL, "used_at" datetime(3), "revoked_at" datetime(3), "created_at" datetime(3) NOT NULL)',
        'CREATE INDEX "ix_refresh_tokens_family" ON "refresh_tokens" ("family_id") ',
        'CREATE TABLE "revoked_tokens" ("jti" varchar(36) PRIMARY KEY NOT NULL, "expires_at" datetime(3) NOT NULL, "created_at" datetime(3) NOT NULL)',
        'CREATE INDEX "ix_revoked_tokens_expires" ON "revoked_tokens" ("expires_at") ',
        'DROP INDEX "ix_refresh_tokens_family"',
        'CREATE TABLE "temporary_refresh_tokens" ("id" varchar(36) PRIMARY KEY NOT NULL, "user_id" integer NOT NULL, "family_id" varchar(36) NOT NULL, "secret_hash" varchar(64) NOT NULL, "expires_at" datetime(3) NOT NULL, "used_at" datetime(3), "revoked_at" datetime(3), "created_at" datetime(3) NOT NULL, CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
        'INSERT INTO "temporary_refresh_tokens"("id", "user_id", "family_id", "secret_hash", "expires_at", "used_at", "revoked_at", "created_at") SELECT "id", "user_id", "family_id", "secret_hash", "expires_at", "used_at", "revoked_at", "created_at" FROM "refresh_tokens"',
        'DROP TABLE "refresh_tokens"',
        'ALTER TABLE "temporary_refresh_tokens" RENAME TO "refresh_tokens"',
        'CREATE INDEX "ix_refresh_tokens_family" ON "refresh_tokens" ("family_id") ',
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mariadb: [
        'ALTER TABLE `refresh_tokens` DROP FOREIGN KEY `FK_3ddc983c5f7bcf132fd8732c3f4`',
        'DROP INDEX `ix_revoked_tokens_expires` ON `revoked_tokens`',
        'DROP TABLE `revoked_tokens`',
        'DROP INDEX `ix_refresh_tokens_family` ON `refresh_tokens`',
        'DROP TABLE `refresh_tokens`',
      ],
      sqlite: [
        'DROP INDEX "ix_refresh_tokens_family"',
        'ALTER TABLE "refresh_tokens" RENAME TO "temporary_refresh_tokens"',
        'CREATE TABLE "refresh_tokens" ("id" varchar(36) PRIMARY KEY NOT NULL, "user_id" integer NOT NULL, "family_id" varchar(36) NOT NULL, "secret_hash" varchar(64) NOT NULL, "expires_at" datetime(3) NOT NULL, "used_at" datetime(3), "revoked_at" datetime(3), "created_at" datetime(3) NOT NULL)',
        'INSERT INTO "refresh_tokens"("id", "user_id", "family_id", "secret_hash", "expires_at", "used_at", "revoked_at", "created_at") SELECT "id", "user_id", "family_id", "secret_hash", "expires_at", "used_at", "revoked_at", "created_at" FROM "temporary_refresh_tokens"',
        'DROP TABLE "temporary_refresh_tokens"',
        'CREATE INDEX "ix_refresh_tokens_family" ON "refresh_tokens" ("family_id") ',
        'DROP INDEX "ix_revoked_tokens_expires"',
        'DROP TABLE "revoked_tokens"',
        'DROP INDEX "ix_refresh_tokens_family"',
        'DROP TABLE "refresh_tokens"',
      ],
    });
  }
}
