/**
 * The one place domain errors become GraphQL errors: codes and details into `extensions`, the HTTP
 * status where a code decides the whole answer, and everything unexpected masked.
 */
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { QueryFailedError } from 'typeorm';
import { AppError, ErrorCode } from '../core/errors';
import { databaseUnavailableError, isDatabaseUnavailable, isDuplicateKey } from '../database/database-faults';

/** Codes that decide the HTTP status of the whole response (clients and proxies act on these). */
const RESPONSE_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, RATE_LIMITED: 429 };

/** HTTP statuses for routes outside GraphQL (exports), where one error is the whole answer. */
export const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  ...RESPONSE_STATUS,
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED: 423,
  VAULT_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
};

const originalOf = (error: unknown): unknown => (error as { originalError?: unknown }).originalError ?? error;

/** Apollo's `extensions.http` for a domain error whose code sets the response status. */
function httpOf(error: AppError) {
  const status = RESPONSE_STATUS[error.code];
  if (!status) return undefined;
  const retryAfter = error.details.retryAfterSeconds;
  return { status, headers: new Map(retryAfter ? [['retry-after', String(retryAfter)]] : []) };
}

const extensionsOf = (error: AppError) => ({ code: error.code, ...error.details });

/**
 * An error raised before execution (while authenticating), as Apollo needs it: nothing else was
 * answered, so the code decides the status (a database that is down while the token is checked: 503).
 */
export function toGraphQLError(thrown: unknown): unknown {
  const error = databaseUnavailableError(thrown) ?? thrown;
  if (!(error instanceof AppError)) return error;
  const status = HTTP_STATUS[error.code];
  const http = status ? { status, headers: httpOf(error)?.headers ?? new Map() } : undefined;
  return new GraphQLError(error.message, { originalError: error, extensions: { ...extensionsOf(error), http } });
}

/**
 * A request nothing of which could be answered because the database cannot serve: HTTP 503 with
 * Retry-After, so clients and load balancers back off. A write that landed keeps its 200.
 */
export const databaseUnavailableStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        const nothingAnswered = !data || Object.values(data).every((value) => value === null);
        if (nothingAnswered && errors?.some((e) => e.extensions?.code === 'DATABASE_UNAVAILABLE')) {
          response.http.status = 503;
          response.http.headers.set('retry-after', '5');
        }
      },
    };
  },
};

/** Sets the response status for domain errors raised during execution (Apollo reads `extensions.http`). */
export const domainErrorStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          const original = originalOf(error);
          if (!(original instanceof AppError)) continue;
          const http = httpOf(original);
          // keep a status Apollo set itself (400 for a literal a scalar refused in validation)
          Object.assign(error.extensions, extensionsOf(original), http ? { http } : {});
        }
      },
    };
  },
};

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
  const unavailable = databaseUnavailableError(original);
  if (unavailable) return { ...base, message: unavailable.message, extensions: extensionsOf(unavailable) };
  if (original instanceof QueryFailedError && isDuplicateKey(original)) {
    return { ...base, message: 'That value is already taken by another record.', extensions: { code: 'CONFLICT' } };
  }
  // also a literal a scalar refuses, reported as a failed validation: the scalar's own code says more
  if (original instanceof AppError) return { ...base, extensions: extensionsOf(original) };
  if (isRefusedRequest(error) && !(error as GraphQLError).extensions?.code) return { ...base, extensions: { code: 'BAD_REQUEST' } };
  if (!isUnexpected(error)) return { ...base, extensions: formatted.extensions };
  return {
    ...base,
    message: 'Internal server error. The failure was logged; retrying may help.',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
