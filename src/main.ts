import 'reflect-metadata';
import { authCacheMs, ConfigError, loadConfig, serverLimits } from './config';
import { redactPassword } from './database/database-url';
import { openDatabase } from './database/open-database';
import { revocationBusFor } from './security/auth/revocation-bus';
import { loadSigningKeys } from './security/auth/signing-keys';
import { createLogger } from './logger';
import { vaultFromConfig } from './security/vault/credential-vault';
import { Authenticator, bootstrapAdmin } from './security/auth.service';
import { PortUnavailableError, startServer } from './server';
import { systemScope } from './kit/scope';

/** `npm start`: validate the environment, migrate the database, serve the API. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const { db, migrationsApplied } = await openDatabase(config.DATABASE_URL);
  logger.info({ database: redactPassword(config.DATABASE_URL), migrationsApplied }, 'database ready');

  const keys = loadSigningKeys(config.JWT_SECRET, config.JWT_KEY_FILE, (message) => logger.warn(message));
  const admin = await bootstrapAdmin(systemScope(db, 'bootstrap'), config.MSP_ADMIN_EMAIL, config.MSP_ADMIN_PASSWORD);
  if (admin && 'problem' in admin) logger.warn(admin.problem);
  else if (admin?.generatedPassword) {
    // Printed once, on purpose not through the logger: it must not land in log files.
    console.log(
      `\nNo admin could log in, so one was set up: ${admin.email} / ${admin.generatedPassword}\n` +
        'Log in with the login mutation, then change it with setPassword (or start with MSP_ADMIN_PASSWORD set).\n',
    );
  }
  const vault = vaultFromConfig(config, (m) => logger.warn(m));
  if (!vault) logger.warn('No vault key (MSP_VAULT_KEY): storing and revealing credentials is refused until one is set.');
  // several replicas share revocations through Redis; without REDIS_URL this process is the only one
  const bus = revocationBusFor(config.REDIS_URL, config.RATE_LIMIT_REDIS_PREFIX, (m) => logger.warn(m));
  const server = await startServer({
    db,
    port: config.PORT,
    logger,
    auth: new Authenticator(db, keys, bus, authCacheMs(config)),
    limits: serverLimits(config),
    vault,
  });
  logger.info(
    `msp-tracker ready at ${server.url} (Apollo Sandbox opens there in a browser, GraphiQL offline at /graphiql; health at /health)`,
  );

  // once: a second signal falls to Node's default and ends the process at once, for whoever will not wait
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    try {
      await server.close();
      await bus.close();
      await db.dataSource.destroy();
      logger.info('shut down');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  // mistakes in the environment get their message alone, not a stack
  console.error(error instanceof ConfigError || error instanceof PortUnavailableError ? error.message : error);
  process.exit(1);
});
