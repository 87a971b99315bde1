import { QueryRunner } from 'typeorm';
import { dialectOf } from './dialect';

/** Statements of one migration step for each dialect; both are generated from the same entities. */
export interface DialectStatements {
  mariadb: string[];
  sqlite: string[];
}

export async function runForDialect(queryRunner: QueryRunner, statements: DialectStatements): Promise<void> {
  if (dialectOf(queryRunner.connection) === 'mariadb') {
    for (const statement of statements.mariadb) await queryRunner.query(statement);
    return;
  }
  // SQLite changes a table by rebuilding it under a temporary name. Without legacy_alter_table, renaming
  // a table also rewrites the foreign keys of other tables to the temporary name, which is then dropped.
  await queryRunner.query('PRAGMA legacy_alter_table = ON');
  try {
    for (const statement of statements.sqlite) await queryRunner.query(statement);
  } finally {
    await queryRunner.query('PRAGMA legacy_alter_table = OFF');
  }
}
