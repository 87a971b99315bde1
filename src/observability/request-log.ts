import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger';
import { requestStatementCount } from '../database/statement-counter';

/** What one request's log line says; filled in as the request goes through Apollo. */
interface RequestLogEntry {
  requestId: string;
  operation?: string;
  outcome?: string;
  statements?: number;
}

const current = new AsyncLocalStorage<RequestLogEntry>();

const OPERATION_NAME_MAX = 100;
const OUTCOME_MAX = 40;

/** The request's id, chosen by requestLogMiddleware: the client's `x-request-id` (cut to 100 characters), else a new UUID. */
export const requestIdOf = (res: Response): string => (res.locals.requestId as string | undefined) ?? randomUUID();

/** Records an outcome decided outside Apollo's plugins (a refused token fails the context, which skips them). */
export function noteRequestOutcome(error: unknown): void {
  const entry = current.getStore();
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  if (entry && !entry.outcome) entry.outcome = String(code ?? 'INTERNAL_SERVER_ERROR').slice(0, OUTCOME_MAX);
}

/**
 * One JSON line per HTTP request to /graphql, written when the answer is sent: request id, operation,
 * outcome code, HTTP status, duration, SQL statements. Never variables or headers, so no secret can reach it.
 */
export function requestLogMiddleware(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const entry: RequestLogEntry = { requestId: req.header('x-request-id')?.slice(0, 100) || randomUUID() };
    res.locals.requestId = entry.requestId;
    res.once('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          requestId: entry.requestId,
          operation: entry.operation ?? null,
          outcome: entry.outcome ?? (res.statusCode < 400 ? 'OK' : `HTTP_${res.statusCode}`),
          status: res.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
          statements: entry.statements ?? null,
        },
        'request',
      );
    });
    current.run(entry, next);
  };
}

/** Tells the request's log line which operation ran and how it ended. */
export const requestLogPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, operationName }) {
        const entry = current.getStore();
        if (!entry) return;
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        // the name the client gave its operation: a label for people, cut short; its arguments never
        entry.operation = (operationName ?? 'anonymous').slice(0, OPERATION_NAME_MAX);
        entry.outcome = String(errors?.[0]?.extensions?.code ?? (errors?.length ? 'ERROR' : 'OK')).slice(0, OUTCOME_MAX);
        entry.statements = requestStatementCount();
      },
    };
  },
};
