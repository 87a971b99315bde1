import type { DataSource } from 'typeorm';

interface SqliteRunnerState {
  isTransactionActive: boolean;
  transactionDepth: number;
}

/**
 * After a failed SQLite transaction, makes TypeORM's one query runner agree with the connection again.
 * SQLite rolls a transaction back by itself on SQLITE_FULL or an I/O error; TypeORM's ROLLBACK then fails
 * and leaves its runner "in a transaction", so every later transaction became a SAVEPOINT inside a
 * transaction never committed: acknowledged writes lost at close. Here: roll back what is open, reset the runner.
 */
export function resyncSqliteTransactionState(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as {
    databaseConnection?: { inTransaction: boolean; exec(sql: string): void };
    queryRunner?: SqliteRunnerState;
  };
  const connection = driver.databaseConnection;
  const runner = driver.queryRunner;
  if (connection?.inTransaction) {
    try {
      connection.exec('ROLLBACK');
    } catch {
      // nothing left to roll back
    }
  }
  if (runner) {
    runner.isTransactionActive = false;
    runner.transactionDepth = 0;
  }
}
