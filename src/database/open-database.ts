import { ConfigError } from '../config';
import { createDataSource } from './data-source';
import { Database } from './database';
import { parseDatabaseUrl, redactPassword } from './database-url';

/** Connects to DATABASE_URL and applies pending migrations; a clear ConfigError when the database cannot be opened. */
export async function openDatabase(databaseUrl: string): Promise<{ db: Database; migrationsApplied: string[] }> {
  const dataSource = createDataSource(parseDatabaseUrl(databaseUrl));
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new ConfigError(`Cannot open the database ${redactPassword(databaseUrl)}: ${(error as Error).message}`);
  }
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return { db: new Database(dataSource), migrationsApplied: applied.map((m) => m.name) };
}
