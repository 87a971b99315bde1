import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { redactPassword } from './database/database-url';
import { openDatabase } from './database/open-database';
import { createLogger } from './logger';
import { startServer } from './server';

/** `npm start`: validate the environment, migrate the database, serve the API. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const { db, migrationsApplied } = await openDatabase(config.DATABASE_URL);
  logger.info({ database: redactPassword(config.DATABASE_URL), migrationsApplied }, 'database ready');

  const server = await startServer({ db, port: config.PORT, logger });
  logger.info(`msp-tracker ready at ${server.url} (Apollo Sandbox opens there in a browser; health at /health)`);

  const shutdown = async () => {
    await server.close();
    await db.dataSource.destroy();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
