import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../src/database/dialect-migration';

export class UserInvites1796191429279 implements MigrationInterface {
  name = 'UserInvites1796191429279';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mariadb: [
        'CREATE TABLE `user_invites` (`id` int NOT NULL AUTO_INCREMENT, `user_id` int NOT NULL, `token_hash` varchar(64) NOT NULL, `expires_at` datetime(3) NOT NULL, `used_at` datetime(3) NULL, `revoked_at` datetime(3) NULL, `created_at` datetime(3) NOT NULL, INDEX `ix_user_invites_user` (`user_id`), UNIQUE INDEX `IDX_45c9f79a9dc88d508d0169ab77` (`token_hash`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
        'ALTER TABLE `user_invites` ADD CONSTRAINT `FK_d2cbcf61d82605830d526e47fdd` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
      ],
      sqlite: [
        'CREATE TABLE "user_invites" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "token_hash" varchar(64) NOT NULL, "expires_at" datetime(3) NOT NULL, "used_at" datetime(3), "revoked_at" datetime(3), "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_45c9f79a9dc88d508d0169ab776" UNIQUE ("token_hash"))',
        'CREATE INDEX "ix_user_invites_user" ON "user_invites" ("user_id") ',
        'DROP INDEX "ix_user_invites_user"',
        'CREATE TABLE "temporary_user_invites" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "token_hash" varchar(64) NOT NULL, "expires_at" datetime(3) NOT NULL, "used_at" datetime(3), "revoked_at" datetime(3), "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_45c9f79a9dc88d508d0169ab776" UNIQUE ("token_hash"), CONSTRAINT "FK_d2cbcf61d82605830d526e47fdd" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
        'INSERT INTO "temporary_user_invites"("id", "user_id", "token_hash", "expires_at", "used_at", "revoked_at", "created_at") SELECT "id", "user_id", "token_hash", "expires_at", "used_at", "revoked_at", "created_at" FROM "user_invites"',
        'DROP TABLE "user_invites"',
        'ALTER TABLE "temporary_user_invites" RENAME TO "user_invites"',
        'CREATE INDEX "ix_user_invites_user" ON "user_invites" ("user_id") ',
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      mariadb: [
        'ALTER TABLE `user_invites` DROP FOREIGN KEY `FK_d2cbcf61d82605830d526e47fdd`',
        'DROP INDEX `IDX_45c9f79a9dc88d508d0169ab77` ON `user_invites`',
        'DROP INDEX `ix_user_invites_user` ON `user_invites`',
        'DROP TABLE `user_invites`',
      ],
      sqlite: [
        'DROP INDEX "ix_user_invites_user"',
        'ALTER TABLE "user_invites" RENAME TO "temporary_user_invites"',
        'CREATE TABLE "user_invites" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "user_id" integer NOT NULL, "token_hash" varchar(64) NOT NULL, "expires_at" datetime(3) NOT NULL, "used_at" datetime(3), "revoked_at" datetime(3), "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_45c9f79a9dc88d508d0169ab776" UNIQUE ("token_hash"))',
        'INSERT INTO "user_invites"("id", "user_id", "token_hash", "expires_at", "used_at", "revoked_at", "created_at") SELECT "id", "user_id", "token_hash", "expires_at", "used_at", "revoked_at", "created_at" FROM "temporary_user_invites"',
        'DROP TABLE "temporary_user_invites"',
        'CREATE INDEX "ix_user_invites_user" ON "user_invites" ("user_id") ',
        'DROP INDEX "ix_user_invites_user"',
        'DROP TABLE "user_invites"',
      ],
    });
  }
}
