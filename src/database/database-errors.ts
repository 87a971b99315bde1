/** What a driver error means, whichever database raised it. */

export function isDuplicateKey(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string; message?: string } }).driverError;
  return driverError?.code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed/.test(driverError?.message ?? '');
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'PROTOCOL_CONNECTION_LOST', 'ER_CON_COUNT_ERROR', 'SQLITE_BUSY', 'SQLITE_CANTOPEN']);

/** The database is down or unreachable (rather than the query being wrong). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; name?: string; message?: string };
  if (UNAVAILABLE_CODES.has(e.code ?? '') || UNAVAILABLE_CODES.has(e.driverError?.code ?? '')) return true;
  return /not (established|open|connected)|connection (is not|lost)|pool is closed/i.test(e.message ?? '');
}
