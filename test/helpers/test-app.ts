import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pino from 'pino';
import { createMspClient, MspApiError, MspClient } from '../../sdk';
import type { AccessScope } from '../../sdk/generated/graphql';
import { UserRole } from '../../entities/user.entity';
import { keysFromSecret, SigningKeys } from '../../src/security/auth/signing-keys';
import { statementCounter } from '../../src/database/data-source';
import { Database } from '../../src/database/database';
import { StatementCounter } from '../../src/database/statement-counter';
import { loadConfig, serverLimits, type ServerLimits } from '../../src/config';
import { createLogger } from '../../src/logger';
import { RunningServer, startServer } from '../../src/server';
import { createUser } from '../../src/admin/admin.service';
import { Authenticator, bootstrapAdmin, setPassword } from '../../src/security/auth.service';
import { CredentialVault } from '../../src/security/vault/credential-vault';
import { createMigratedDatabase, ScratchDatabase } from './scratch-database';
import { systemScope } from '../../src/kit/scope';

export const ADMIN_EMAIL = 'admin@test.local';
export const ADMIN_PASSWORD = 'correct horse battery staple';

export interface TestApp {
  /** The generated SDK, logged in as the admin. */
  sdk: MspClient;
  /** The SDK without a token. */
  anonymous: MspClient;
  /** The admin's access token, for raw HTTP calls. */
  token: string;
  /** The server's signing keys, to forge expired tokens in tests. */
  keys: SigningKeys;
  url: string;
  db: Database;
  statements: StatementCounter;
  server: RunningServer;
  /** An SDK logged in as a new user with this role. */
  clientAs(role: UserRole): Promise<MspClient>;
  /** An SDK with an agent token for this session (issued by the admin). */
  agentFor(sessionId: string, scopes?: AccessScope[]): Promise<MspClient>;
  auth: Authenticator;
  limits: ServerLimits;
  vault: CredentialVault | null;
  /** Stops the HTTP server (the database stays), as an outage would; `resume` starts it again on the same port. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Where a test server logs: into `logLines` when a test reads them; into a file under TEST_LOG_DIR when
 * `npm test` collects every line to scan for secrets; else nowhere (or stdout at TEST_LOG_LEVEL).
 */
function testLogger(name: string, logLines?: string[]) {
  if (logLines) return createLogger('debug', { write: (line: string) => void logLines.push(line) });
  if (process.env.TEST_LOG_DIR)
    return createLogger(
      'debug',
      pino.destination({ dest: join(process.env.TEST_LOG_DIR, `${process.env.TEST_DB}-${name}.log`), sync: true }),
    );
  return createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
}

/**
 * A migrated database of its own, an admin, and the real HTTP server on a free port. `env` overrides
 * settings; `beforeStart` fills the database before the admin is bootstrapped, as a seed run before the first start would.
 */
export async function startTestApp(
  name: string,
  options: {
    env?: Record<string, string>;
    logLines?: string[];
    vault?: CredentialVault | null;
    beforeStart?: (db: Database) => Promise<unknown>;
    /** Builds the server's Authenticator (a revocation bus, other cache times); the default has neither. */
    authenticator?: (db: Database, keys: SigningKeys) => Authenticator;
  } = {},
): Promise<TestApp> {
  const { env = {}, logLines } = options;
  const scratch: ScratchDatabase = await createMigratedDatabase(name);
  const db = new Database(scratch.dataSource);
  await options.beforeStart?.(db);
  const keys = keysFromSecret(randomBytes(32));
  const auth = options.authenticator?.(db, keys) ?? new Authenticator(db, keys);
  await bootstrapAdmin(systemScope(db, 'test'), ADMIN_EMAIL, ADMIN_PASSWORD);
  // the suite sends far more than a person would: limits are raised unless a test sets its own
  const limits = serverLimits(loadConfig({ RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_LOGIN_FAILURES_PER_15_MIN: '1000', ...env }));
  const vault = options.vault === undefined ? new CredentialVault(new Map([[1, randomBytes(32)]]), 1) : options.vault;
  const logger = testLogger(name, logLines);
  let server: RunningServer = await startServer({ db, port: 0, vault, logger, auth, limits });
  let running = true;
  // the suite checks first answers (a RATE_LIMITED must not be waited out): its clients never retry
  const client = (token?: string) => createMspClient({ url: server.url, token, retries: 0 });
  const anonymous = client();
  const tokenFor = async (email: string, password: string) => (await anonymous.Login({ input: { email, password } })).login.accessToken;
  const loggedIn = async (email: string, password: string) => client(await tokenFor(email, password));
  const token = await tokenFor(ADMIN_EMAIL, ADMIN_PASSWORD);
  let users = 0;
  return {
    sdk: client(token),
    anonymous,
    token,
    keys,
    auth,
    limits,
    vault,
    url: server.url,
    get server() {
      return server;
    },
    db,
    statements: statementCounter(scratch.dataSource),
    agentFor: async (sessionId, scopes = ['READ', 'WRITE']) => {
      const { issueAgentToken } = await client(token).IssueAgentToken({ input: { sessionId, scopes } });
      return client(issueAgentToken.token);
    },
    clientAs: async (role) => {
      const email = `${role.toLowerCase()}${++users}@test.local`;
      const scope = systemScope(db, 'test');
      const { user } = await createUser(scope, { email, displayName: role, role });
      await setPassword(scope, user.id, ADMIN_PASSWORD);
      return loggedIn(email, ADMIN_PASSWORD);
    },
    pause: async () => {
      await server.close();
      running = false;
    },
    resume: async () => {
      server = await startServer({ db, port: Number(new URL(server.url).port), vault, logger, auth, limits });
      running = true;
    },
    stop: async () => {
      if (running) await server.close();
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

/** SQL statements the operations run while `work` ran; token checks and audit rows are counted apart. */
export async function countStatements(app: TestApp, work: () => Promise<unknown>): Promise<number> {
  const before = app.statements.count;
  await work();
  return app.statements.count - before;
}
