/** The few calls of better-sqlite3 the operator commands make (the package ships no types). */
export interface SqliteHandle {
  backup(
    destination: string,
    options?: { progress?(info: { totalPages: number; remainingPages: number }): number | undefined },
  ): Promise<{ totalPages: number; remainingPages: number }>;
  prepare(sql: string): { all(): unknown[]; get(): unknown };
  pragma(sql: string, options?: { simple?: boolean }): unknown;
  close(): void;
}

type OpenSqlite = (path: string, options?: { readonly?: boolean; fileMustExist?: boolean; timeout?: number }) => SqliteHandle;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const openSqlite = require('better-sqlite3') as OpenSqlite;

/** Opens an existing SQLite file; `timeout` waits out a writer's lock instead of failing with SQLITE_BUSY. */
export const openSqliteFile = (path: string, readonly = false): SqliteHandle =>
  openSqlite(path, { fileMustExist: true, readonly, timeout: 10_000 });

/** Tables of a SQLite file, without SQLite's own and the full-text index's shadow tables. */
export function sqliteTables(db: SqliteHandle): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  return rows.map((row) => row.name);
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** A SQLite database file starts with these 16 bytes. */
export const isSqliteHeader = (head: Buffer): boolean => head.subarray(0, 16).toString('latin1') === SQLITE_MAGIC;
