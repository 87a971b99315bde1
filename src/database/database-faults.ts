/**
 * Which failures mean "the database cannot serve this now" (rather than "this query is wrong"), from
 * the errors mysql2, better-sqlite3 and TypeORM raise. Clients get DATABASE_UNAVAILABLE (503) for them.
 */
import { AppError } from '../core/errors';

export type DatabaseFault = 'unreachable' | 'read-only' | 'full';

/** mysql2 / Node socket codes for a server that is down, restarting, unreachable or out of connections. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_NORMAL_SHUTDOWN',
  // still conflicting after the transaction's retries (it was rolled back whole)
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  // a Galera node that is not (yet) part of the primary component refuses statements
  'ER_UNKNOWN_COM_ERROR',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
]);

/** Said in messages without a code: mysql2 on a closed connection, TypeORM on a pool or driver that is gone. */
const UNREACHABLE_MESSAGE =
  /not (established|open|connected)|connection (is not|lost)|pool is closed|closed state|connection is in closed|Pool is closed|Driver not Connected/i;

const codesOf = (error: unknown): string[] => {
  const e = error as { code?: unknown; driverError?: { code?: unknown }; cause?: { code?: unknown } } | null;
  return [e?.code, e?.driverError?.code, e?.cause?.code].filter((code): code is string => typeof code === 'string');
};

/** The kind of database fault behind `error`, or null when the database itself is fine. */
export function databaseFault(error: unknown): DatabaseFault | null {
  if (!error || typeof error !== 'object') return null;
  const codes = codesOf(error);
  if (codes.some((code) => code === 'SQLITE_FULL')) return 'full';
  if (codes.some((code) => code.startsWith('SQLITE_READONLY'))) return 'read-only';
  // SQLITE_IOERR_WRITE, SQLITE_IOERR_FSYNC, …: the file cannot be written (a failing or vanished disk)
  if (codes.some((code) => UNREACHABLE_CODES.has(code) || UNREACHABLE_CODES.has(code.replace(/_[A-Z]+$/, '')))) return 'unreachable';
  if (codes.some((code) => code === 'ER_OPTION_PREVENTS_STATEMENT' || code === 'ER_READ_ONLY_MODE')) return 'read-only';
  return UNREACHABLE_MESSAGE.test((error as { message?: string }).message ?? '') ? 'unreachable' : null;
}

/** The database is down, unreachable, read-only or out of space (rather than the query being wrong). */
export const isDatabaseUnavailable = (error: unknown): boolean => databaseFault(error) !== null;

/** A write refused because it would duplicate a unique value. */
export function isDuplicateKey(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string; message?: string } }).driverError;
  return driverError?.code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed/.test(driverError?.message ?? '');
}

const UNAVAILABLE_MESSAGES: Record<DatabaseFault, string> = {
  unreachable:
    'The database is unavailable right now; retry in a moment. If it lasts, the database server is down or unreachable: tell whoever runs this service.',
  'read-only':
    'The database cannot be written right now (its file or disk is read-only), so changes are refused; reads still work. Retry once whoever runs this service has made it writable again.',
  full: "The database's disk is full, so changes are refused; reads still work. Retry once whoever runs this service has freed disk space.",
};

const originalOf = (error: unknown): unknown => (error as { originalError?: unknown }).originalError ?? error;

/**
 * DATABASE_UNAVAILABLE for an error that means the database cannot serve now, else null.
 * `reason` (unreachable, read-only, full) lets a client or operator tell them apart.
 */
export function databaseUnavailableError(error: unknown): AppError | null {
  const original = originalOf(error);
  if (original instanceof AppError) return original.code === 'DATABASE_UNAVAILABLE' ? original : null;
  const fault = databaseFault(original);
  return fault && new AppError('DATABASE_UNAVAILABLE', UNAVAILABLE_MESSAGES[fault], { reason: fault });
}
