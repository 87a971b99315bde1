import { createReadStream, existsSync, mkdirSync, openSync, readSync, closeSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Transform } from 'node:stream';
import type { Connection } from 'mysql2/promise';
import type { DatabaseTarget } from '../database/database-url';
import type { Progress } from './backup';
import { clientArgs, connectServer, MariadbTarget, mariadbTableCounts, runTool } from './mariadb-tools';
import { EXIT, OperationError } from './operation-error';
import { isSqliteHeader, openSqliteFile, SqliteHandle, sqliteTables } from './sqlite-file';

export interface RestoreResult {
  tables: number;
  rows: number;
  /** Rows of the migrations table: the schema version the backup was taken at. */
  migrations: number;
}

type BackupKind = 'sqlite' | 'mariadb';

/** What the file holds, from its first bytes: a SQLite database, or a MariaDB/MySQL dump. */
function backupKind(file: string): BackupKind {
  if (!existsSync(file)) throw new OperationError(`There is no backup file ${file}.`, EXIT.badBackup);
  const head = Buffer.alloc(1024);
  const fd = openSync(file, 'r');
  const read = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  if (isSqliteHeader(head.subarray(0, read))) return 'sqlite';
  if (/(MariaDB|MySQL) dump/.test(head.subarray(0, read).toString('utf8'))) return 'mariadb';
  throw new OperationError(`${file} is neither a SQLite backup nor a MariaDB dump.`, EXIT.badBackup);
}

function sqliteCounts(db: SqliteHandle): Map<string, number> {
  return new Map(
    sqliteTables(db).map((table) => [table, Number((db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n)]),
  );
}

function summary(counts: Map<string, number>): RestoreResult {
  if (!counts.has('migrations'))
    throw new OperationError('The restored database has no migrations table: it is not an msp-tracker backup.', EXIT.badBackup);
  return { tables: counts.size, rows: [...counts.values()].reduce((a, b) => a + b, 0), migrations: counts.get('migrations')! };
}

/** Copies the backup to a temporary file beside the target, checks it, then moves it into place (with no stale WAL of the old file). */
async function restoreSqlite(path: string, file: string, force: boolean, progress: Progress): Promise<RestoreResult> {
  if (existsSync(path)) {
    const current = openSqliteFile(path);
    const tables = sqliteTables(current).length;
    current.close();
    if (tables && !force)
      throw new OperationError(
        `${path} already holds a database (${tables} tables): restore into a new file, or pass --force to replace it.`,
        EXIT.refused,
      );
  }
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const backup = openSqliteFile(file, true);
  const restoring = `${path}.restoring`;
  rmSync(restoring, { force: true });
  try {
    await backup.backup(restoring, {
      progress: ({ totalPages, remainingPages }) => void progress(`copied ${totalPages - remainingPages}/${totalPages} pages`),
    });
  } finally {
    backup.close();
  }
  const copy = openSqliteFile(restoring);
  let result: RestoreResult;
  try {
    if (copy.pragma('integrity_check', { simple: true }) !== 'ok')
      throw new OperationError(`${file} fails SQLite's integrity check.`, EXIT.badBackup);
    result = summary(sqliteCounts(copy));
  } catch (error) {
    copy.close();
    rmSync(restoring, { force: true });
    throw error;
  }
  copy.close();
  for (const stale of [`${path}-wal`, `${path}-shm`]) rmSync(stale, { force: true });
  renameSync(restoring, path);
  return result;
}

async function emptyDatabase(connection: Connection, database: string, tables: Iterable<string>): Promise<void> {
  await connection.query('SET FOREIGN_KEY_CHECKS = 0');
  for (const table of tables) await connection.query(`DROP TABLE \`${database}\`.\`${table}\``);
  await connection.query('SET FOREIGN_KEY_CHECKS = 1');
}

/** Feeds the dump to the `mariadb` client, saying how far it got every 10 %. */
async function loadDump(target: MariadbTarget, file: string, progress: Progress): Promise<void> {
  const total = statSync(file).size;
  let read = 0;
  let shown = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      read += chunk.length;
      const percent = Math.floor((read / total) * 10) * 10;
      if (percent > shown) progress(`loaded ${(shown = percent)} % of ${file}`);
      done(null, chunk);
    },
  });
  const { args, env } = clientArgs(target);
  await runTool('mariadb', [...args, '--batch', `--database=${target.database}`], env, () => false, createReadStream(file).pipe(counter));
}

/** Loads a dump into the database, created when missing; refuses one that has tables unless `force` (then they are dropped first). */
async function restoreMariadb(target: MariadbTarget, file: string, force: boolean, progress: Progress): Promise<RestoreResult> {
  const connection = await connectServer(target);
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const existing = await mariadbTableCounts(connection, target.database);
    if (existing.size && !force) {
      throw new OperationError(
        `The database ${target.database} already has ${existing.size} tables: restore into a new database, or pass --force to replace them.`,
        EXIT.refused,
      );
    }
    if (existing.size) await emptyDatabase(connection, target.database, existing.keys());
    try {
      await loadDump(target, file, progress);
    } catch (error) {
      throw new OperationError(
        `${(error as Error).message}\nThe database ${target.database} is partly restored: fix the cause and run the restore again with --force.`,
        EXIT.failed,
      );
    }
    return summary(await mariadbTableCounts(connection, target.database));
  } finally {
    await connection.end();
  }
}

/**
 * Restores `file` (from backupDatabase) into the database `target` names. Stop the service first: a
 * running one keeps the old database open. The file's kind must match the target's dialect.
 */
export async function restoreDatabase(
  target: DatabaseTarget,
  file: string,
  options: { force?: boolean; progress?: Progress } = {},
): Promise<RestoreResult> {
  const progress = options.progress ?? (() => undefined);
  const kind = backupKind(file);
  if (kind !== target.dialect) {
    throw new OperationError(
      `${file} is a ${kind === 'sqlite' ? 'SQLite backup' : 'MariaDB dump'}, but DATABASE_URL points at ${target.dialect === 'sqlite' ? 'SQLite' : 'MariaDB'}.`,
      EXIT.badBackup,
    );
  }
  return target.dialect === 'sqlite'
    ? restoreSqlite(target.path, file, !!options.force, progress)
    : restoreMariadb(target, file, !!options.force, progress);
}
