/** `npm run migrate`: applies pending migrations to DATABASE_URL (SQLite by default) and says which. */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { redactPassword } from '../src/database/database-url';
import { openDatabase } from '../src/database/open-database';

async function main() {
  const { DATABASE_URL } = loadConfig();
  const { db, migrationsApplied } = await openDatabase(DATABASE_URL);
  console.log(
    migrationsApplied.length
      ? `Applied ${migrationsApplied.length} migration(s) to ${redactPassword(DATABASE_URL)}: ${migrationsApplied.join(', ')}`
      : `${redactPassword(DATABASE_URL)} is up to date.`,
  );
  await db.dataSource.destroy();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
