import { DataSource, EntityManager } from 'typeorm';
import { Dialect, dialectOf } from './dialect';

/** Who caused a write; the change log records it with every row changed. */
export interface ChangeOrigin {
  requestId: string;
  actor: string;
  /** Why, when the change needs a reason (for example unlocking a billed session). */
  reason?: string;
}

/** The origin Database.transaction attached to this transaction's manager. */
export function originOf(runner: { data?: unknown } | undefined): ChangeOrigin | undefined {
  return (runner?.data as { origin?: ChangeOrigin } | undefined)?.origin;
}

/** The data source plus the one way the services write: a transaction that lands whole or not at all. */
export class Database {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  get dialect(): Dialect {
    return dialectOf(this.dataSource);
  }

  /**
   * Runs `work` in one transaction, with `origin` attached for the change log. SQLite has a single
   * connection, so its transactions are queued; MariaDB runs them in parallel.
   */
  transaction<T>(origin: ChangeOrigin, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const attributed = (manager: EntityManager) => {
      manager.queryRunner!.data = { origin };
      return work(manager);
    };
    // READ COMMITTED: a statement sees rows other transactions committed meanwhile (a tag just created
    // elsewhere); rows a write depends on are locked with findOrFail(…, forUpdate).
    if (this.dialect !== 'sqlite') return this.dataSource.transaction('READ COMMITTED', attributed);
    const run = this.sqliteQueue.then(() => this.dataSource.transaction(attributed));
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
