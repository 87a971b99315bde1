import 'reflect-metadata';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { NextFunction, Request, Response } from 'express';
import { applyMiddleware } from 'graphql-middleware';
import { permissions } from './graphql/permissions';
import { ServerLimits } from './config';
import { Context, createContext } from './graphql/context';
import { Database } from './database/database';
import {
  databaseUnavailableStatusPlugin,
  domainErrorStatusPlugin,
  formatError,
  isUnexpected,
  toGraphQLError,
} from './graphql/error-mapping';
import { graphiqlRoutes, landingPageLinkingGraphiql } from './explorer/graphiql';
import { apiAudit } from './limits/api-audit.plugin';
import { queryCostLimit } from './limits/query-cost.plugin';
import { requestGuards } from './limits/request-guards.plugin';
import { RateLimits } from './limits/rate-limits';
import { Logger } from './logger';
import { buildAppSchema, rootArgsMiddleware } from './graphql/schema';
import { Authenticator } from './security/auth.service';
import { CredentialVault } from './security/vault/credential-vault';
import { exportRoutes } from './export-routes';
import { tallyStatements } from './database/statement-counter';
import { createMetrics } from './observability/metrics';
import type { Registry } from 'prom-client';
import { metricsRoute } from './observability/metrics-route';
import { onOutboxCommit } from './webhooks/outbox';
import { WebhookWorker } from './webhooks/worker';
import { noteRequestOutcome, requestIdOf, requestLogMiddleware, requestLogPlugin } from './observability/request-log';

/** Apollo's estimate (JSON length) of the parsed documents it keeps; their heap size is a few times that. */
const DOCUMENT_CACHE_BYTES = 2 ** 20;

/** How long a shutdown waits for requests in flight before it cuts their connections. */
const DRAIN_GRACE_MS = 10_000;

/** Logs what the client only sees masked, with the request id to find it by. */
const logUnexpectedErrors = (logger: Logger): ApolloServerPlugin<Context> => ({
  async requestDidStart({ contextValue }) {
    return {
      async didEncounterErrors({ errors, operationName }) {
        for (const error of errors.filter(isUnexpected)) {
          logger.error({ err: error.originalError ?? error, requestId: contextValue.requestId, operationName }, 'unexpected error');
        }
      },
    };
  },
});

/**
 * Answers are never cached (they are private): the header Apollo's cache-control plugin sent, without the
 * plugin, whose willResolveField hook ran on every field of every answer for cache hints this API has none of.
 */
const noStore: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/** A body over the size limit or not JSON: a GraphQL-shaped error, not an HTML page. */
const bodyErrors = (error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
  if (!error.status) return next(error);
  const tooLarge = error.type === 'entity.too.large';
  res.status(error.status).json({
    errors: [
      {
        message: tooLarge ? 'The request body is larger than 1 MB.' : 'The request body is not valid JSON.',
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ],
  });
};

/** The port cannot be had; the message, one line, names it and its variable (PORT or METRICS_PORT). */
export class PortUnavailableError extends Error {}

const PORT_PROBLEMS: Record<string, (port: number, variable: string) => string> = {
  EADDRINUSE: (port, variable) =>
    `Port ${port} is already in use: stop what listens there, or start on another port with ${variable} (for example ${variable}=${port + 1} npm start).`,
  EACCES: (port, variable) => `Port ${port} needs privileges this process does not have: set ${variable} to 1024 or above.`,
};

/** Listens, turning a taken or forbidden port into a PortUnavailableError instead of an unhandled 'error' event. */
function listen(httpServer: Server, port: number, variable = 'PORT'): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      const problem = PORT_PROBLEMS[error.code ?? ''];
      reject(problem ? new PortUnavailableError(problem(port, variable)) : error);
    };
    httpServer.once('error', failed);
    httpServer.listen(port, () => {
      httpServer.off('error', failed);
      resolve();
    });
  });
}

export interface RunningServer {
  url: string;
  /** Writes buffered audit rows now (tests read them). */
  flushAudit(): Promise<void>;
  /** Stops accepting, lets requests in flight finish (10 s at most), then writes the buffered audit rows. */
  /** Where /metrics answers: on the API's port, or on METRICS_PORT. */
  metricsUrl: string;
  /** What /metrics serves (tests compare a scrape with it). */
  metrics: Registry;
  close(): Promise<void>;
}

export interface ServerOptions {
  db: Database;
  port: number;
  logger: Logger;
  auth: Authenticator;
  limits: ServerLimits;
  vault: CredentialVault | null;
}

/** Wires HTTP: POST/GET /graphql (Apollo, Sandbox in the browser), GET /graphiql (offline explorer), GET /health (liveness) and GET /ready (readiness). No business rules here. */
export async function startServer({ db, port, logger, auth, limits, vault }: ServerOptions): Promise<RunningServer> {
  const schema = buildAppSchema();
  const app = express();
  app.set('trust proxy', 'loopback');
  const httpServer: Server = createServer(app);
  const audit = apiAudit(db, logger);
  const metrics = createMetrics(schema, audit.backlog, () => auth.bus.live);
  const rateLimits = new RateLimits(limits.rate, metrics.rateLimitRefused);
  const armor = new ApolloArmor({
    maxDepth: { n: limits.syntax.maxDepth },
    // armor lets any number of `__typename` aliases through by default: each one is still work
    maxAliases: { n: limits.syntax.maxAliases, allowList: [] },
    maxDirectives: { n: limits.syntax.maxDirectives },
    // armor's token limit turns a syntax error into a 500; graphql's own parser limit answers 400
    maxTokens: { enabled: false },
    costLimit: { enabled: false }, // replaced by queryCostLimit, which multiplies by `first`
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const apollo = new ApolloServer<Context>({
    schema: applyMiddleware(schema, permissions(schema), rootArgsMiddleware),
    introspection: limits.introspection,
    includeStacktraceInErrorResponses: false,
    formatError,
    parseOptions: { maxTokens: limits.syntax.maxTokens },
    validationRules: armor.validationRules,
    // parsed documents are cached by an estimate of their size: a budget, so unique documents cannot grow the heap
    documentStore: new InMemoryLRUCache({ maxSize: DOCUMENT_CACHE_BYTES }),
    // main.ts shuts down in order (drain, flush the audit rows, close the pools); Apollo's own handler would exit before the flush
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: DRAIN_GRACE_MS }),
      ...(armor.plugins as ApolloServerPlugin<Context>[]),
      requestGuards as ApolloServerPlugin<Context>,
      queryCostLimit(limits.cost) as ApolloServerPlugin<Context>,
      logUnexpectedErrors(logger),
      domainErrorStatusPlugin as ApolloServerPlugin<Context>,
      databaseUnavailableStatusPlugin as ApolloServerPlugin<Context>,
      audit.plugin,
      metrics.plugin,
      requestLogPlugin as ApolloServerPlugin<Context>,
      landingPageLinkingGraphiql(),
      ApolloServerPluginCacheControlDisabled(),
      noStore,
    ],
  });
  await apollo.start();

  app.get('/health', async (_req, res) => {
    const up = await db.ping();
    res.status(up ? 200 : 503).json({ status: up ? 'ok' : 'error', database: up ? 'up' : 'down' });
  });
  // readiness, for a load balancer: liveness (/health) alone would send traffic before the schema is there
  app.get('/ready', async (_req, res) => {
    const ready = await db.ready();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
  });
  const metricsApp = limits.metricsPort === undefined ? app : express();
  metricsApp.get('/metrics', metricsRoute(metrics.registry, limits.metricsToken));
  const metricsServer = metricsApp === app ? httpServer : createServer(metricsApp);
  app.use(graphiqlRoutes());
  app.use(exportRoutes({ db, auth, rateLimits, vault, logger }));
  app.use(
    '/graphql',
    requestLogMiddleware(logger),
    express.json({ limit: '1mb' }),
    bodyErrors,
    // after the body is read: the tally must be the context the resolvers run in
    (_req: Request, _res: Response, next: NextFunction) => tallyStatements(next),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdOf(res);
        try {
          const viewer = await auth.viewerFor(req.header('authorization'));
          await rateLimits.request(viewer ? `user:${viewer.userId}` : `ip:${req.ip}`);
          return createContext({ db, auth, rateLimits, vault, webhooks: limits.webhooks }, { requestId, viewer, ip: req.ip ?? null });
        } catch (error) {
          // Apollo answers for a failed context without the error plugins: log the unexpected here.
          if (isUnexpected(error)) logger.error({ err: error, requestId }, 'unexpected error while authenticating');
          const refused = toGraphQLError(error);
          noteRequestOutcome(refused);
          throw refused;
        }
      },
    }),
  );

  const webhookWorker = new WebhookWorker(db, vault, limits.webhooks, logger, (wake) => onOutboxCommit(db.dataSource, wake));
  await listen(httpServer, port);
  if (limits.webhooks.worker) webhookWorker.start();
  if (metricsServer !== httpServer) await listen(metricsServer, limits.metricsPort!, 'METRICS_PORT');
  const portOf = (server: Server) => (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${portOf(httpServer)}/graphql`,
    metricsUrl: `http://localhost:${portOf(metricsServer)}/metrics`,
    flushAudit: audit.flush,
    metrics: metrics.registry,
    close: async () => {
      await apollo.stop();
      await webhookWorker.stop();
      if (metricsServer !== httpServer) {
        // a scraper's keep-alive connection would hold close() open
        metricsServer.closeAllConnections();
        await new Promise((resolve) => metricsServer.close(resolve));
      }
      await audit.stop();
      await rateLimits.close();
      metrics.close();
    },
  };
}
