import { createMspClient, MspApiError, MspClient } from '../../sdk';
import { Database } from '../../src/database/database';
import { statementCounter } from '../../src/database/data-source';
import { StatementCounter } from '../../src/database/statement-counter';
import { createLogger } from '../../src/logger';
import { RunningServer, startServer } from '../../src/server';
import { createMigratedDatabase, ScratchDatabase } from './scratch-database';

export interface TestApp {
  /** The generated SDK pointed at the running server. */
  sdk: MspClient;
  url: string;
  db: Database;
  statements: StatementCounter;
  stop(): Promise<void>;
}

/** A migrated database of its own and the real HTTP server on a free port. */
export async function startTestApp(name: string): Promise<TestApp> {
  const scratch: ScratchDatabase = await createMigratedDatabase(name);
  const db = new Database(scratch.dataSource);
  const server: RunningServer = await startServer({ db, port: 0, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
  return {
    sdk: createMspClient({ url: server.url }),
    url: server.url,
    db,
    statements: statementCounter(scratch.dataSource),
    stop: async () => {
      await server.close();
      await scratch.drop();
    },
  };
}

/** The error a call fails with; fails the test if the call succeeds. */
export async function apiError(call: Promise<unknown>): Promise<MspApiError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof MspApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** SQL statements the server ran while `work` ran. */
export async function countStatements(app: TestApp, work: () => Promise<unknown>): Promise<number> {
  const before = app.statements.count;
  await work();
  return app.statements.count - before;
}
