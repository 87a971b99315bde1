import { DataSource, EntityManager } from 'typeorm';

export type Dialect = 'sqlite' | 'mariadb';

/** The one place that tells the two databases apart. */
export const dialectOf = (dataSource: DataSource): Dialect => (dataSource.options.type === 'better-sqlite3' ? 'sqlite' : 'mariadb');

/**
 * Whether SELECT … FOR UPDATE means anything: MariaDB yes; SQLite has no row locks, and needs none
 * because its transactions run one at a time.
 */
export const hasRowLocks = (dataSource: DataSource): boolean => dialectOf(dataSource) === 'mariadb';

/** Find options that lock the rows read until the transaction ends, where row locks exist. */
export const writeLock = (manager: EntityManager) =>
  hasRowLocks(manager.connection) ? { lock: { mode: 'pessimistic_write' as const } } : {};
