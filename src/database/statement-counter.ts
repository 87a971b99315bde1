import { Logger } from 'typeorm';

/**
 * TypeORM logger that counts SQL statements. Tests and benchmarks read the count to prove a
 * nested query costs a fixed number of statements, whatever the number of rows.
 */
export class StatementCounter implements Logger {
  count = 0;

  /** The API audit log is written in batches on a timer, not by the query being measured: not counted. */
  logQuery(query: string): void {
    if (!/^INSERT INTO [`"]api_audit_log[`"]/.test(query)) this.count += 1;
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
