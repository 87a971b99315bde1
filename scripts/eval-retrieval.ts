/**
 * `npm run eval:retrieval`: the gold set of eval/retrieval/ loaded through the API into a fresh database,
 * then Recall@1/3/10, MRR and latency of search, similarProblems and the contextRecovery insights, on
 * SQLite and MariaDB (TEST_DB=sqlite|mariadb for one). Options: `--docs N` adds N filler documents first
 * (latency at scale), `--json FILE` writes the figures, `--write-baseline` stores them as eval/retrieval/baseline.json.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dialect } from '../src/database/dialect';
import { startTestApp } from '../test/helpers/test-app';
import { evaluate, EvalResult, loadCorpus, loadFiller, table } from './eval-retrieval-lib';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : (process.argv[i + 1] ?? '');
}

async function run(dialect: Dialect, docs: number): Promise<EvalResult> {
  process.env.TEST_DB = dialect;
  const app = await startTestApp(`eval_retrieval_${dialect}`);
  try {
    const loaded = await loadCorpus(app);
    await loadFiller(app, docs);
    const result = await evaluate(app, loaded);
    console.log(`\n## ${dialect}${docs ? ` (+${docs} filler documents)` : ''}\n\n${table(result)}`);
    return result;
  } finally {
    await app.stop();
  }
}

async function main() {
  const docs = Number(option('--docs') ?? 0);
  if (!Number.isInteger(docs) || docs < 0 || docs > 200_000) throw new Error('--docs takes a whole number from 0 to 200000');
  const dialects: Dialect[] = process.env.TEST_DB ? [process.env.TEST_DB === 'mariadb' ? 'mariadb' : 'sqlite'] : ['sqlite', 'mariadb'];
  const results: Partial<Record<Dialect, EvalResult>> = {};
  for (const dialect of dialects) results[dialect] = await run(dialect, docs);
  const json = option('--json');
  if (json) writeFileSync(json, `${JSON.stringify(results, null, 1)}\n`);
  if (process.argv.includes('--write-baseline')) {
    if (docs) throw new Error('the baseline is measured on the gold corpus alone: drop --docs');
    writeFileSync(join(__dirname, '..', 'eval', 'retrieval', 'baseline.json'), `${JSON.stringify(results, null, 1)}\n`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
