import { QueryRunner } from 'typeorm';

/** Statements of one migration step for each dialect; both are generated from the same entities. */
export interface DialectStatements {
  mariadb: string[];
  sqlite: string[];
}

export async function runForDialect(queryRunner: QueryRunner, statements: DialectStatements): Promise<void> {
  const dialect = queryRunner.connection.options.type === 'better-sqlite3' ? 'sqlite' : 'mariadb';
  for (const statement of statements[dialect]) await queryRunner.query(statement);
}
