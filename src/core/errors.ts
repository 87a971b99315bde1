/**
 * Domain errors: what went wrong, in words a person can act on, and a code a client can switch on.
 * They know nothing of GraphQL or HTTP; `src/graphql/error-mapping.ts` turns them into responses.
 */

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

/** Facts a client may use besides the message: the input field at fault, when to retry. */
export interface ErrorDetails {
  field?: string;
  retryAfterSeconds?: number;
  [detail: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
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

/** The caller is not known (no token, or one that is expired, revoked or forged). */
export class UnauthenticatedError extends AppError {
  constructor(message: string) {
    super('UNAUTHENTICATED', message);
  }
}

/** The caller is known but may not do this. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

/** Too many calls; `retryAfterSeconds` says when the next one is welcome. */
export class RateLimitedError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super('RATE_LIMITED', message, { retryAfterSeconds });
  }
}

/** The object was billed: its time, billable flag and amount stay as invoiced until unlockBilled. */
export class LockedError extends AppError {
  constructor(type: string, id: number, fields: string[]) {
    super(
      'LOCKED',
      `${type} ${id} is billed or posted to a PSA, so ${fields.join(', ')} cannot change. An admin can unlock it with unlockBilled(sessionId, reason).`,
      {
        field: fields[0],
      },
    );
  }
}
