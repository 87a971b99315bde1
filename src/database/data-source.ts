import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { entities } from '../../entities';
import { migrations } from '../../migrations';
import { ChangeLogSubscriber } from './change-log.subscriber';
import { SearchIndexSubscriber } from './search-index.subscriber';
import { OutboxCommitSubscriber } from '../webhooks/outbox';
import { DatabaseTarget } from './database-url';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { StatementCounter } from './statement-counter';

function driverOptions(target: DatabaseTarget): DataSourceOptions {
  if (target.dialect === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    // WAL lets readers run while a write commits; better-sqlite3 turns foreign keys on itself.
    return { type: 'better-sqlite3', database: target.path, prepareDatabase: (db) => db.pragma('journal_mode = WAL') };
  }
  const { host, port, username, password, database } = target;
  // timezone 'Z': DATETIME columns hold UTC, whatever the server's zone. DATE stays a 'YYYY-MM-DD' string:
  // as a Date it would be UTC midnight, which TypeORM formats in local time, a day early west of UTC.
  return {
    type: 'mariadb',
    host,
    port,
    username,
    password,
    database,
    timezone: 'Z',
    dateStrings: ['DATE'],
    charset: 'utf8mb4_unicode_ci',
    connectTimeout: 5000,
  };
}

/** The one place a DataSource is built: same entities, naming and migrations on every dialect. Never synchronize. */
export function createDataSource(target: DatabaseTarget): DataSource {
  return new DataSource({
    ...driverOptions(target),
    entities,
    migrations,
    subscribers: [ChangeLogSubscriber, SearchIndexSubscriber, OutboxCommitSubscriber],
    namingStrategy: new SnakeNamingStrategy(),
    logger: new StatementCounter(),
    synchronize: false,
    migrationsRun: false,
  } as DataSourceOptions);
}

export function statementCounter(dataSource: DataSource): StatementCounter {
  return dataSource.logger as StatementCounter;
}
