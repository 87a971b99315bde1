import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { Context, createContext } from './context';
import { Database } from './database/database';
import { formatError, isUnexpected } from './errors';
import { freshLoadersAfterWrites } from './loaders/fresh-loaders.plugin';
import { Logger } from './logger';
import { buildAppSchema } from './schema';
import { permissions } from './auth/permissions';
import { Authenticator } from './services/auth.service';
import { applyMiddleware } from 'graphql-middleware';

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

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Wires HTTP: POST/GET /graphql (Apollo, Sandbox in the browser) and GET /health. No business rules here. */
export async function startServer(options: { db: Database; port: number; logger: Logger; auth: Authenticator }): Promise<RunningServer> {
  const { db, port, logger, auth } = options;
  const schema = buildAppSchema();
  const app = express();
  const httpServer: Server = createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: applyMiddleware(schema, permissions(schema)),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), freshLoadersAfterWrites, logUnexpectedErrors(logger)],
  });
  await apollo.start();

  app.get('/health', async (_req, res) => {
    const up = await db.ping();
    res.status(up ? 200 : 503).json({ status: up ? 'ok' : 'error', database: up ? 'up' : 'down' });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = req.header('x-request-id')?.slice(0, 100) || randomUUID();
        try {
          return createContext(db, auth, { requestId, viewer: await auth.viewerFor(req.header('authorization')), ip: req.ip ?? null });
        } catch (error) {
          // Apollo answers for a failed context without the error plugins: log the unexpected here.
          if (isUnexpected(error)) logger.error({ err: error, requestId }, 'unexpected error while authenticating');
          throw error;
        }
      },
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(port, resolve));
  const address = httpServer.address() as AddressInfo;
  return {
    url: `http://localhost:${address.port}/graphql`,
    close: () => apollo.stop(),
  };
}
