/**
 * GET /export/work-items.csv and GET /charts/hours-by-month.svg: the invoice CSV and the hours chart
 * over plain HTTP, authenticated like the API (Authorization: Bearer <accessToken>), with the access
 * rule the matching GraphQL field declares. No business rules here.
 */
import { randomUUID } from 'node:crypto';
import express, { Request, Response } from 'express';
import { agentMay, readers } from './graphql/access';
import { refusal } from './graphql/permissions';
import { createContext } from './graphql/context';
import type { Database } from './database/database';
import { AppError, BadInputError } from './core/errors';
import { databaseUnavailableError } from './database/database-faults';
import { HTTP_STATUS, isUnexpected } from './graphql/error-mapping';
import type { RateLimits } from './limits/rate-limits';
import type { Logger } from './logger';
import type { Authenticator } from './security/auth.service';
import { hoursByMonthSvg, InvoiceColumn, workItemsCsv } from './billing/invoice-export.service';
import type { CredentialVault } from './security/vault/credential-vault';

/** The rule of the GraphQL field workItemsCsv, and so of both routes. */
export const EXPORT_ACCESS = readers(agentMay.askAboutOwnClient);

const one = (req: Request, name: string, max: number): string | undefined => {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > max) throw new BadInputError(name, `give ${name} once, at most ${max} characters`);
  return value;
};

function dateParam(req: Request, name: string): Date {
  const value = one(req, name, 40);
  const at = value ? new Date(value) : new Date(NaN);
  if (!value || !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value) || Number.isNaN(at.getTime())) {
    throw new BadInputError(name, 'is required, as an ISO 8601 date or date-time such as 2025-10-01 or 2025-10-01T00:00:00Z');
  }
  return at;
}

function criteriaOf(req: Request) {
  const clientId = one(req, 'clientId', 10);
  if (!clientId || !/^[1-9][0-9]{0,9}$/.test(clientId)) throw new BadInputError('clientId', 'is required: an id such as "42"');
  return { clientId, from: dateParam(req, 'from'), to: dateParam(req, 'to') };
}

function columnsOf(req: Request): InvoiceColumn[] | undefined {
  const value = one(req, 'columns', 500);
  if (!value) return undefined;
  return value.split(',').map((raw) => {
    const name = raw
      .trim()
      .toUpperCase()
      .replace(/[\s-]+/g, '_') as InvoiceColumn;
    if (!Object.values(InvoiceColumn).includes(name))
      throw new BadInputError('columns', `"${raw}" is not a column; choose from ${Object.values(InvoiceColumn).join(', ')}`);
    return name;
  });
}

export function exportRoutes(services: {
  db: Database;
  auth: Authenticator;
  rateLimits: RateLimits;
  vault: CredentialVault | null;
  logger: Logger;
}): express.Router {
  const router = express.Router();
  const handle =
    (
      type: string,
      filename: (req: Request) => string | null,
      produce: (ctx: ReturnType<typeof createContext>, req: Request) => Promise<string>,
    ) =>
    async (req: Request, res: Response) => {
      const requestId = req.header('x-request-id')?.slice(0, 100) || randomUUID();
      try {
        const viewer = await services.auth.viewerFor(req.header('authorization'));
        await services.rateLimits.request(viewer ? `user:${viewer.userId}` : `ip:${req.ip}`);
        const denied = refusal(EXPORT_ACCESS, viewer, {
          clientId: typeof req.query.clientId === 'string' ? req.query.clientId : undefined,
        });
        if (denied) throw denied;
        const ctx = createContext(services, { requestId, viewer, ip: req.ip ?? null });
        const body = await produce(ctx, req);
        const name = filename(req);
        res.status(200).type(type).set('Cache-Control', 'no-store');
        if (name) res.set('Content-Disposition', `attachment; filename="${name}"`);
        res.send(body);
      } catch (thrown) {
        const error = databaseUnavailableError(thrown) ?? thrown;
        if (isUnexpected(error)) services.logger.error({ err: error, requestId }, 'unexpected error in an export');
        const known = error instanceof AppError ? error : null;
        const code = known?.code ?? 'INTERNAL_SERVER_ERROR';
        const message = known?.message ?? 'Internal server error. The failure was logged; retrying may help.';
        if (known?.details.retryAfterSeconds) res.set('Retry-After', String(known.details.retryAfterSeconds));
        res
          .status(HTTP_STATUS[code] ?? 500)
          .json({ errors: [{ message, extensions: { code, ...(known?.details.field ? { field: known.details.field } : {}) } }] });
      }
    };
  router.get(
    '/export/work-items.csv',
    handle(
      'text/csv; charset=utf-8; header=present',
      (req) => `work-items-${String(req.query.clientId)}.csv`,
      (ctx, req) => workItemsCsv(ctx, criteriaOf(req), columnsOf(req)),
    ),
  );
  router.get(
    '/charts/hours-by-month.svg',
    handle(
      'image/svg+xml; charset=utf-8',
      () => null,
      (ctx, req) => hoursByMonthSvg(ctx, criteriaOf(req)),
    ),
  );
  return router;
}
