import type { ChangeOrigin } from '../core/request-scope';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { Dialect, dialectOf } from './dialect';
import { resyncSqliteTransactionState } from './sqlite-transaction-state';
import { withConflictRetry } from './transaction-retry';

/** The origin Database.transaction attached to this transaction's manager. */
export function originOf(runner: { data?: unknown } | undefined): ChangeOrigin | undefined {
  return (runner?.data as { origin?: ChangeOrigin } | undefined)?.origin;
}

/** The data source plus the one way the services write: a transaction that lands whole or not at all. */
export class Database {
  private sqliteQueue: Promise<unknown> = Promise.resolve();
  /** The transaction `atomically` opened, which every read and write inside it joins. */
  private readonly enclosing = new AsyncLocalStorage<EntityManager>();

  /** Set once no migration is pending: migrations are not un-run, so it is checked until then only. */
  private migrated = false;

  constructor(readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.enclosing.getStore() ?? this.dataSource.manager;
  }

  get dialect(): Dialect {
    return dialectOf(this.dataSource);
  }

  /**
   * Runs `work` in one transaction, with `origin` attached for the change log. SQLite has a single
   * connection, so its transactions are queued; MariaDB runs them in parallel.
   */
  transaction<T>(origin: ChangeOrigin, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const enclosing = this.enclosing.getStore();
    if (enclosing) return work(enclosing);
    const attributed = async (manager: EntityManager) => {
      manager.queryRunner!.data = { origin };
      try {
        return await work(manager);
      } finally {
        // SQLite shares one query runner: the origin must not outlive its transaction
        manager.queryRunner!.data = {};
      }
    };
    // READ COMMITTED: a statement sees rows other transactions committed meanwhile (a tag just created
    // elsewhere); rows a write depends on are locked with findOrFail(…, forUpdate). Only the outermost
    // transaction is retried (a deadlock or a Galera certification conflict): it is re-run whole.
    if (this.dialect !== 'sqlite') return withConflictRetry(() => this.dataSource.transaction('READ COMMITTED', attributed));
    const run = this.sqliteQueue.then(() =>
      this.dataSource.transaction(attributed).catch((error: unknown) => {
        resyncSqliteTransactionState(this.dataSource);
        throw error;
      }),
    );
    this.sqliteQueue = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs `work`, which may call any number of services (each opening its own transaction), as one
   * transaction: it lands whole or not at all. For batch jobs such as the seed, not for requests.
   */
  atomically<T>(origin: ChangeOrigin, work: () => Promise<T>): Promise<T> {
    return this.transaction(origin, (manager) => this.enclosing.run(manager, work));
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

  /** Readiness: the database answers and no migration is pending. */
  async ready(): Promise<boolean> {
    if (!(await this.ping())) return false;
    try {
      this.migrated ||= !(await this.dataSource.showMigrations());
    } catch {
      return false;
    }
    return this.migrated;
  }
}
