/**
 * `npm run backup -- --out FILE [--force]` (in production: `node dist/scripts/backup.js --out FILE`):
 * a consistent backup of DATABASE_URL while the service runs. Exit codes: src/operations/operation-error.ts.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { parseDatabaseUrl, redactPassword } from '../src/database/database-url';
import { backupDatabase } from '../src/operations/backup';
import { runOperatorCommand, usageError } from '../src/operations/command';

const USAGE = 'usage: npm run backup -- --out FILE [--force]   (backs up the database DATABASE_URL names)';

runOperatorCommand(async () => {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) return console.log(USAGE);
  if (!values.out) throw usageError(`--out FILE is missing\n${USAGE}`);
  const { DATABASE_URL } = loadConfig();
  console.error(`backing up ${redactPassword(DATABASE_URL)} to ${values.out}`);
  const result = await backupDatabase(parseDatabaseUrl(DATABASE_URL), values.out, {
    force: values.force,
    progress: (m) => console.error(`  ${m}`),
  });
  console.log(`backup written: ${result.file} (${result.tables} tables, ${result.bytes} bytes, ${result.method})`);
}, USAGE);
