import { evaluate, EvalResult, loadCorpus, readJson } from '../../scripts/eval-retrieval-lib';
import { startTestApp, TestApp } from '../helpers/test-app';
import { testDialect } from '../helpers/scratch-database';

/** How far overall Recall@3 may fall below the committed baseline before the gate fails. */
const TOLERANCE = 0.02;

/**
 * The retrieval gold set (eval/retrieval/) through the API on this run's database: overall Recall@3 of
 * search, similarProblems and the contextRecovery insights must stay within 2 points of the baseline
 * committed in eval/retrieval/baseline.json (rewrite it with `npm run eval:retrieval -- --write-baseline`).
 */
describe('retrieval quality', () => {
  let app: TestApp;
  let result: EvalResult;
  const baseline = readJson<Record<string, EvalResult>>('baseline.json')[testDialect];

  beforeAll(async () => {
    app = await startTestApp('retrieval_baseline');
    result = await evaluate(app, await loadCorpus(app));
  });
  afterAll(() => app.stop());

  it.each(['search', 'similarProblems', 'contextInsights'] as const)('%s keeps its overall Recall@3', (operation) => {
    expect(baseline).toBeDefined();
    const floor = Math.round((baseline[operation].overall.r3 - TOLERANCE) * 1000) / 1000;
    expect({ operation, r3: result[operation].overall.r3 >= floor ? 'kept' : result[operation].overall.r3 }).toEqual({
      operation,
      r3: 'kept',
    });
  });

  it('keeps keyword queries at full Recall@3', () => {
    expect([result.search.byKind.keyword.r3, result.similarProblems.byKind.keyword.r3]).toEqual([1, 1]);
  });
});
