import { DataSource } from 'typeorm';
import { dialectOf } from './dialect';

/**
 * Reverts the last applied migration. On SQLite it must run outside a transaction: foreign keys can
 * only be switched off there, and with them on, rebuilding a parent table rewrites or cascades into
 * its children. (MariaDB commits DDL implicitly anyway.)
 */
export function revertLastMigration(dataSource: DataSource): Promise<void> {
  return dataSource.undoLastMigration({ transaction: dialectOf(dataSource) === 'sqlite' ? 'none' : 'each' });
}
