import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DatabaseTarget } from '../database/database-url';
import { clientArgs, connectServer, MariadbTarget, mariadbTableCounts, runTool } from './mariadb-tools';
import { EXIT, OperationError } from './operation-error';
import { openSqliteFile, sqliteTables } from './sqlite-file';

export type Progress = (message: string) => void;

export interface BackupResult {
  file: string;
  bytes: number;
  tables: number;
  method: 'sqlite online backup' | 'mariadb-dump --single-transaction';
}

/** Pages copied per step of SQLite's online backup: ten steps, so progress can be shown. */
const stepPages = (totalPages: number) => Math.max(100, Math.ceil(totalPages / 10));
/** One step for everything: a single read snapshot that writers cannot restart. */
const ALL_PAGES = 0x7fffffff;

/**
 * SQLite's online backup API, from a connection of its own: the service keeps reading and writing (WAL).
 * A write between two steps makes SQLite restart the copy; then the rest goes in one step, so it ends.
 */
async function backupSqlite(path: string, partial: string, progress: Progress): Promise<number> {
  if (!existsSync(path)) throw new OperationError(`There is no SQLite database at ${path} (DATABASE_URL).`, EXIT.unreachable);
  const source = openSqliteFile(path);
  try {
    let step = 0;
    let lastRemaining = Infinity;
    await source.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        if (remainingPages > lastRemaining && step !== ALL_PAGES) {
          step = ALL_PAGES;
          progress('the database changed during the copy: copying it again in one step');
        }
        lastRemaining = remainingPages;
        progress(`copied ${totalPages - remainingPages}/${totalPages} pages`);
        return step || stepPages(totalPages);
      },
    });
    return sqliteTables(source).length;
  } finally {
    source.close();
  }
}

/** Checks the copy before it takes the final name: a file that fails here never looks like a backup. */
function verifySqliteCopy(partial: string): void {
  const copy = openSqliteFile(partial, true);
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new OperationError(`The copy failed SQLite's integrity check: ${String(check)}`, EXIT.failed);
  } finally {
    copy.close();
  }
}

/** A logical dump in one REPEATABLE READ snapshot (--single-transaction): consistent while the service writes, and no table is locked. */
async function backupMariadb(target: MariadbTarget, partial: string, progress: Progress): Promise<number> {
  const connection = await connectServer(target);
  const tables = await mariadbTableCounts(connection, target.database).finally(() => connection.end());
  if (!tables.size)
    throw new OperationError(
      `The database ${target.database} has no tables: nothing to back up (is DATABASE_URL right?).`,
      EXIT.unreachable,
    );
  const { args, env } = clientArgs(target);
  let done = 0;
  const dumpArgs = [
    ...args,
    '--single-transaction',
    '--quick',
    '--routines',
    '--triggers',
    '--hex-blob',
    '--no-tablespaces',
    '--verbose',
    `--result-file=${partial}`,
    target.database,
  ];
  await runTool('mariadb-dump', dumpArgs, env, (line) => {
    const table = /Retrieving table structure for table `?([^`.]+)`?/.exec(line)?.[1];
    if (table) progress(`dumping table ${++done}/${tables.size}: ${table}`);
    return line.startsWith('-- ');
  });
  return tables.size;
}

/**
 * Backs up the database `target` names into `out`: a SQLite file for SQLite, an SQL dump for MariaDB.
 * Written under a temporary name and renamed when complete, so `out` is never half a backup.
 */
export async function backupDatabase(
  target: DatabaseTarget,
  out: string,
  options: { force?: boolean; progress?: Progress } = {},
): Promise<BackupResult> {
  const progress = options.progress ?? (() => undefined);
  if (existsSync(out) && !options.force)
    throw new OperationError(`${out} exists: choose another file, or pass --force to replace it.`, EXIT.refused);
  if (!existsSync(dirname(resolve(out)))) throw new OperationError(`Cannot write ${out}: its folder does not exist.`, EXIT.usage);
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  try {
    const tables =
      target.dialect === 'sqlite' ? await backupSqlite(target.path, partial, progress) : await backupMariadb(target, partial, progress);
    if (target.dialect === 'sqlite') verifySqliteCopy(partial);
    renameSync(partial, out);
    const method = target.dialect === 'sqlite' ? 'sqlite online backup' : 'mariadb-dump --single-transaction';
    return { file: out, bytes: statSync(out).size, tables, method };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
