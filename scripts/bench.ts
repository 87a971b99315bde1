/**
 * `npm run bench:inprocess`: latency and SQL statements through the real HTTP server and the SDK, on SQLite and
 * MariaDB. Prints figures; asserts nothing. Two sections per database:
 * - core read paths on a tree: BENCH_PER_LEVEL (default 12) clients × projects × sessions × work items;
 * - agent operations on a year of an MSP's work (BENCH_CLIENTS, BENCH_SESSIONS; see bench-agent-data.ts).
 * BENCH_RUNS (default 50) runs per read, BENCH_WRITE_RUNS (default 20) per agent write. TEST_DB=sqlite|mariadb benches one database only.
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Dialect } from '../src/database/dialect';
import { startTestApp } from '../test/helpers/test-app';
import { insertTree } from '../test/helpers/tree-data';
import { benchAgentOperations } from './bench-agent';
import { measure } from './bench-measure';

const perLevel = Number(process.env.BENCH_PER_LEVEL ?? 12);
const runs = Number(process.env.BENCH_RUNS ?? 50);

async function benchTree(dialect: Dialect) {
  const app = await startTestApp(`bench_${dialect}`);
  try {
    const rows = perLevel + perLevel ** 2 + perLevel ** 3 + perLevel ** 4;
    process.stdout.write(`${dialect}: inserting ${rows.toLocaleString('en')} rows (${perLevel} per level)… `);
    const start = performance.now();
    await insertTree(app.db, perLevel);
    console.log(`${((performance.now() - start) / 1000).toFixed(1)} s; ${runs} runs per operation`);
    const options = { runs };
    await measure(app, 'ClientTree first:20 (4 levels)', () => app.sdk.ClientTree({ first: 20 }), options);
    await measure(app, 'ClientTree first:5 (4 levels)', () => app.sdk.ClientTree({ first: 5 }), options);
    await measure(app, 'Sessions first:100 + totalCount', () => app.sdk.Sessions({ first: 100 }), options);
    await measure(
      app,
      'Sessions page 3 (after cursor)',
      async () => {
        const one = await app.sdk.Sessions({ first: 100 });
        const two = await app.sdk.Sessions({ first: 100, after: one.sessions.pageInfo.endCursor });
        return app.sdk.Sessions({ first: 100, after: two.sessions.pageInfo.endCursor });
      },
      options,
    );
    await measure(app, 'Clients search + totalCount', () => app.sdk.Clients({ first: 20, filter: { search: 'client 1' } }), options);
  } finally {
    await app.stop();
  }
}

/**
 * The test helpers read TEST_DB once, when first imported (setting it later still gives SQLite): each
 * database is benched in a process of its own, started with TEST_DB set.
 */
function benchEachDatabase() {
  const start = performance.now();
  for (const dialect of ['sqlite', 'mariadb']) {
    const child = spawnSync(process.execPath, [...process.execArgv, __filename], {
      stdio: 'inherit',
      env: { ...process.env, TEST_DB: dialect },
    });
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
  console.log(`bench took ${((performance.now() - start) / 60_000).toFixed(1)} min`);
}

async function benchDatabase(dialect: Dialect) {
  await benchTree(dialect);
  await benchAgentOperations(dialect, runs);
}

if (!process.env.TEST_DB) benchEachDatabase();
else
  benchDatabase(process.env.TEST_DB as Dialect).catch((error) => {
    console.error(error);
    process.exit(1);
  });
