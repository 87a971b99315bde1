/**
 * `npm run restore -- FILE [--force]` (in production: `node dist/scripts/restore.js FILE`): restores a
 * backup into the database DATABASE_URL names, which must be new or empty unless --force. Stop the service first.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { parseDatabaseUrl, redactPassword } from '../src/database/database-url';
import { restoreDatabase } from '../src/operations/restore';
import { runOperatorCommand, usageError } from '../src/operations/command';

const USAGE =
  'usage: npm run restore -- FILE [--force]   (restores into the database DATABASE_URL names; --force replaces a non-empty one)';

runOperatorCommand(async () => {
  const { values, positionals } = parseArgs({
    options: { force: { type: 'boolean', default: false }, help: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return console.log(USAGE);
  if (positionals.length !== 1) throw usageError(`give one backup file\n${USAGE}`);
  const { DATABASE_URL } = loadConfig();
  console.error(`restoring ${positionals[0]} into ${redactPassword(DATABASE_URL)}`);
  const result = await restoreDatabase(parseDatabaseUrl(DATABASE_URL), positionals[0], {
    force: values.force,
    progress: (m) => console.error(`  ${m}`),
  });
  console.log(
    `restored ${result.tables} tables, ${result.rows} rows; ${result.migrations} migrations recorded (a newer version applies the rest at start, or npm run migrate)`,
  );
}, USAGE);
