#!/usr/bin/env node
// `npm run test:reliability`: the fault, fuzz and cluster tests (test/reliability) at their full budget,
// on SQLite and then MariaDB. `npm test` runs the same files at a short budget.
import { spawnSync } from 'node:child_process';

const jestArgs = process.argv.slice(2);
for (const db of ['sqlite', 'mariadb']) {
  console.log(`\n=== reliability tests on ${db} (full budget) ===`);
  const result = spawnSync('npx', ['jest', '--runInBand', 'test/reliability', ...jestArgs], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DB: db, RELIABILITY_BUDGET: 'full' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
