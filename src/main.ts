import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { createDataSource } from './database/data-source';
import { Database } from './database/database';
import { parseDatabaseUrl, redactPassword } from './database/database-url';
import { createLogger } from './logger';
import { startServer } from './server';

/** `npm start`: validate the environment, migrate the database, serve the API. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const target = parseDatabaseUrl(config.DATABASE_URL);
  const dataSource = createDataSource(target);
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new ConfigError(`Cannot open the database ${redactPassword(config.DATABASE_URL)}: ${(error as Error).message}`);
  }
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  logger.info({ database: redactPassword(config.DATABASE_URL), migrationsApplied: applied.map((m) => m.name) }, 'database ready');

  const server = await startServer({ db: new Database(dataSource), port: config.PORT, logger });
  logger.info(`msp-tracker ready at ${server.url} (Apollo Sandbox opens there in a browser; health at /health)`);

  const shutdown = async () => {
    await server.close();
    await dataSource.destroy();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
