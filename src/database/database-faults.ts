/**
 * Which failures mean "the database cannot serve this now" (rather than "this query is wrong"), from
 * the errors mysql2, better-sqlite3 and TypeORM raise. Clients get DATABASE_UNAVAILABLE (503) for them.
 */
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
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
]);

/** Said in messages without a code: mysql2 on a closed connection, TypeORM on a pool or driver that is gone. */
const UNREACHABLE_MESSAGE = /not (established|open|connected)|connection (is not|lost)|pool is closed|closed state|connection is in closed|Pool is closed|Driver not Connected/i;

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
