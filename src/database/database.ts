import { DataSource, EntityManager } from 'typeorm';

/** The data source plus the one way the services write: a transaction that lands whole or not at all. */
export class Database {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  get dialect(): 'sqlite' | 'mariadb' {
    return this.dataSource.options.type === 'better-sqlite3' ? 'sqlite' : 'mariadb';
  }

  /** SQLite has a single connection, so its transactions are queued; MariaDB runs them in parallel. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect !== 'sqlite') return this.dataSource.transaction(work);
    const run = this.sqliteQueue.then(() => this.dataSource.transaction(work));
    this.sqliteQueue = run.catch(() => undefined);
    return run;
  }

  /** Liveness of the database: one trivial statement. */
  async ping(): Promise<boolean> {
    try {
      if (!this.dataSource.isInitialized) return false;
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
