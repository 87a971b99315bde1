import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { parseDatabaseUrl } from '../../src/database/database-url';
import { Dialect } from '../../src/database/dialect';

/** The dialect this test run uses: `TEST_DB=sqlite|mariadb` (npm test runs both). */
export const testDialect: Dialect = process.env.TEST_DB === 'mariadb' ? 'mariadb' : 'sqlite';

/** MariaDB server the tests may create databases on. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/test';

export interface ScratchDatabase {
  dataSource: DataSource;
  /** Closes the connection and deletes the database. */
  drop(): Promise<void>;
}

/** A fresh, empty, initialised database of its own (not migrated), so test files can run in parallel. */
export async function createScratchDatabase(name: string, dialect: Dialect = testDialect): Promise<ScratchDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `msp-${name}-`));
    const dataSource = await createDataSource({ dialect: 'sqlite', path: join(dir, 'test.sqlite') }).initialize();
    return {
      dataSource,
      drop: async () => {
        if (dataSource.isInitialized) await dataSource.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const server = parseDatabaseUrl(testDatabaseUrl);
  if (server.dialect !== 'mariadb') throw new Error('TEST_DATABASE_URL must be a mysql:// URL');
  const database = `msp_test_${name.replace(/\W/g, '_')}_${process.pid}_${Date.now() % 100000}`;
  const admin = await createConnection({ host: server.host, port: server.port, user: server.username, password: server.password });
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const dataSource = await createDataSource({ ...server, database }).initialize();
  return {
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await admin.end();
    },
  };
}

/** A fresh database with every migration applied. */
export async function createMigratedDatabase(name: string, dialect: Dialect = testDialect): Promise<ScratchDatabase> {
  const scratch = await createScratchDatabase(name, dialect);
  await scratch.dataSource.runMigrations({ transaction: 'each' });
  return scratch;
}

/** A database for a server the test spawns: a SQLite file in `dir`, or a MariaDB database created here. */
export async function spawnedServerDatabase(dir: string, label: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (testDialect === 'sqlite') return { url: `sqlite:${join(dir, 'msp.sqlite')}`, drop: async () => {} };
  const server = parseDatabaseUrl(testDatabaseUrl);
  if (server.dialect !== 'mariadb') throw new Error('TEST_DATABASE_URL must be a mysql:// URL');
  const name = `msp_test_${label}_${process.pid}`;
  const admin = await createConnection({ host: server.host, port: server.port, user: server.username, password: server.password });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}
