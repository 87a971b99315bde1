import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';

/** Codes a client can switch on (`extensions.code`). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LOCKED'
  | 'QUERY_TOO_COMPLEX'
  | 'VAULT_UNAVAILABLE'
  | 'TAMPERED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_REFUSED'
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

/** The input is wrong; `field` names the input field (as the client spelled it). */
export class BadInputError extends AppError {
  constructor(field: string, message: string) {
    super('BAD_USER_INPUT', `${field}: ${message}`, { field });
  }
}

export class NotFoundError extends AppError {
  constructor(type: string, id: string | number, field?: string) {
    const shown = String(id).length > 80 ? `${String(id).slice(0, 80)}…` : String(id);
    super('NOT_FOUND', `${type} ${JSON.stringify(shown)} does not exist${field ? ` (${field})` : ''}.`, field ? { field } : {});
  }
}

/** The write would duplicate something unique, or the object is in a state that forbids it. */
export class ConflictError extends AppError {
  constructor(message: string, field?: string) {
    super('CONFLICT', message, field ? { field } : {});
  }
}

/** The caller is known but may not do this. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

/** The object was billed: its time, billable flag and amount stay as invoiced until unlockBilled. */
export class LockedError extends AppError {
  constructor(type: string, id: number, fields: string[]) {
    super('LOCKED', `${type} ${id} is billed or posted to a PSA, so ${fields.join(', ')} cannot change. An admin can unlock it with unlockBilled(sessionId, reason).`, {
      field: fields[0],
    });
  }
}

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

/** class-validator failures, flattened to `input.name: must be shorter than or equal to 200 characters`. */
function describeValidation(failures: ValidationFailure[], prefix = ''): { field: string; message: string }[] {
  return failures.flatMap((f) => {
    const field = prefix ? `${prefix}.${f.property}` : f.property;
    const own = Object.values(f.constraints ?? {}).map((message) => ({ field, message: message.replace(`${f.property} `, '') }));
    return [...own, ...describeValidation(f.children ?? [], field)];
  });
}

export function isDuplicateKey(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string; message?: string } }).driverError;
  return driverError?.code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed/.test(driverError?.message ?? '');
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'PROTOCOL_CONNECTION_LOST', 'ER_CON_COUNT_ERROR', 'SQLITE_BUSY', 'SQLITE_CANTOPEN']);

/** The database is down or unreachable (rather than the query being wrong). */
function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; name?: string; message?: string };
  if (UNAVAILABLE_CODES.has(e.code ?? '') || UNAVAILABLE_CODES.has(e.driverError?.code ?? '')) return true;
  return /not (established|open|connected)|connection (is not|lost)|pool is closed/i.test(e.message ?? '');
}

const originalOf = (error: unknown): unknown => (error as { originalError?: unknown }).originalError ?? error;

/** True for errors the server did not mean to raise; these are masked for the client and logged in full. */
export function isUnexpected(error: unknown): boolean {
  const original = originalOf(error);
  if (original instanceof AppError || isDatabaseUnavailable(original)) return false;
  if (original instanceof QueryFailedError) return !isDuplicateKey(original);
  // GraphQL's own errors (parse, validation, variable coercion) carry their code on the outer error.
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  if (!code) return !isRefusedRequest(error);
  return code === 'INTERNAL_SERVER_ERROR';
}

/** Apollo refuses some malformed requests (a persisted-query hash that does not match) with a 400 but no code. */
const isRefusedRequest = (error: unknown): boolean => {
  const status = (error as { extensions?: { http?: { status?: number } } }).extensions?.http?.status;
  return status !== undefined && status >= 400 && status < 500;
};

/**
 * Shapes every error a client sees: known errors keep their code and message; validation errors name
 * the field; anything unexpected is masked (no stack, no SQL); the request logger records the detail.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = originalOf(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  const validationErrors = (original as { extensions?: { validationErrors?: ValidationFailure[] } }).extensions?.validationErrors;
  if (validationErrors) {
    const problems = describeValidation(validationErrors);
    return {
      ...base,
      message: problems.map((p) => `${p.field}: ${p.message}`).join('; '),
      extensions: { code: 'BAD_USER_INPUT', field: problems[0]?.field, problems },
    };
  }
  if (isDatabaseUnavailable(original)) {
    return { ...base, message: 'The database is unavailable right now; retry in a moment.', extensions: { code: 'DATABASE_UNAVAILABLE' } };
  }
  if (original instanceof QueryFailedError && isDuplicateKey(original)) {
    return { ...base, message: 'That value is already taken by another record.', extensions: { code: 'CONFLICT' } };
  }
  if (isRefusedRequest(error) && !(error as GraphQLError).extensions?.code) return { ...base, extensions: { code: 'BAD_REQUEST' } };
  // a literal a scalar refuses is reported as a failed validation: the scalar's own code says more
  if (original instanceof AppError) return { ...base, extensions: { ...formatted.extensions, code: original.extensions.code } };
  if (!isUnexpected(error)) return { ...base, extensions: formatted.extensions };
  return { ...base, message: 'Internal server error. The failure was logged; retrying may help.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
