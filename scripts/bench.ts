/**
 * `npm run bench`: latency and SQL statements of the core read paths on SQLite and MariaDB,
 * through the real HTTP server and the SDK. Prints figures; asserts nothing.
 * BENCH_PER_LEVEL (default 12) sets the dataset: N clients × N projects × N sessions × N work items.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Dialect } from '../src/database/dialect';
import { countStatements, startTestApp, TestApp } from '../test/helpers/test-app';
import { insertTree } from '../test/helpers/tree-data';

const perLevel = Number(process.env.BENCH_PER_LEVEL ?? 12);
const runs = Number(process.env.BENCH_RUNS ?? 50);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(app: TestApp, name: string, call: () => Promise<unknown>) {
  await call(); // warm-up
  const times: number[] = [];
  let statements = 0;
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    statements = await countStatements(app, async () => {
      bytes = JSON.stringify(await call()).length;
    });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const ms = (v: number) => v.toFixed(1).padStart(7);
  console.log(
    `  ${name.padEnd(34)} statements ${String(statements).padStart(2)}  p50 ${ms(percentile(times, 50))} ms  p95 ${ms(percentile(times, 95))} ms  p99 ${ms(percentile(times, 99))} ms  answer ${(bytes / 1024).toFixed(1)} KiB`,
  );
}

async function bench(dialect: Dialect) {
  process.env.TEST_DB = dialect;
  const app = await startTestApp(`bench_${dialect}`);
  try {
    const rows = perLevel + perLevel ** 2 + perLevel ** 3 + perLevel ** 4;
    process.stdout.write(`${dialect}: inserting ${rows.toLocaleString('en')} rows (${perLevel} per level)… `);
    const start = performance.now();
    await insertTree(app.db, perLevel);
    console.log(`${((performance.now() - start) / 1000).toFixed(1)} s; ${runs} runs per operation`);
    await measure(app, 'ClientTree first:20 (4 levels)', () => app.sdk.ClientTree({ first: 20 }));
    await measure(app, 'ClientTree first:5 (4 levels)', () => app.sdk.ClientTree({ first: 5 }));
    await measure(app, 'Sessions first:100 + totalCount', () => app.sdk.Sessions({ first: 100 }));
    await measure(app, 'Sessions page 3 (after cursor)', async () => {
      const one = await app.sdk.Sessions({ first: 100 });
      const two = await app.sdk.Sessions({ first: 100, after: one.sessions.pageInfo.endCursor });
      return app.sdk.Sessions({ first: 100, after: two.sessions.pageInfo.endCursor });
    });
    await measure(app, 'Clients search + totalCount', () => app.sdk.Clients({ first: 20, filter: { search: 'client 1' } }));
  } finally {
    await app.stop();
  }
}

async function main() {
  for (const dialect of ['sqlite', 'mariadb'] as Dialect[]) await bench(dialect);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
