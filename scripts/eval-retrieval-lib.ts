/**
 * The retrieval gold set (eval/retrieval/) loaded through the API into a test app, and its measurement:
 * Recall@1/3/10 (share of queries with an answer in the top k) and MRR per query kind, for search,
 * similarProblems and the insights of contextRecovery, with per-call latency. Shared by
 * `npm run eval:retrieval` and the baseline gate (test/gates/retrieval-baseline.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Note, NoteKind } from '../entities/note.entity';
import { SessionMode } from '../entities/session.entity';
import { Session } from '../entities/session.entity';
import { createMspClient, MspApiError } from '../sdk';
import type { TestApp } from '../test/helpers/test-app';

const dir = join(__dirname, '..', 'eval', 'retrieval');

interface CorpusRecord {
  key: string;
  type: 'problem' | 'work' | 'note';
  [field: string]: unknown;
}
interface Corpus {
  clients: { key: string; name: string }[];
  hosts: { key: string; client: string; hostname: string; kind: string; os?: string; osVersion?: string }[];
  sessions: { key: string; client: string; title: string; startedAt: string; tags: string[]; records: CorpusRecord[] }[];
  failurePatterns: {
    key: string;
    signature: string;
    description: string;
    recommendedAlternative?: string;
    failureCategory?: string;
    environmentConditions?: string[];
  }[];
  pendingTasks: { key: string; client: string; title: string }[];
  insights: { key: string; client: string; host?: string; insight: string; confidence: number }[];
}
export interface GoldQuery {
  id: string;
  kind: string;
  text: string;
  answers: string[];
}
interface ContextQuery {
  id: string;
  kind: string;
  client: string;
  answers: string[];
}
interface Gold {
  queries: GoldQuery[];
  context: ContextQuery[];
}

export const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;

/** Ids the API gave each corpus key, and the key of each (source, id) it can answer with. */
export interface LoadedCorpus {
  clientIds: Map<string, string>;
  keyOf: Map<string, string>;
}

const ref = (source: string, id: string) => `${source}:${id}`;

/** Writes the corpus through the SDK, in file order (so ids, and ties broken by id, are the same every run). */
export async function loadCorpus(app: TestApp): Promise<LoadedCorpus> {
  const corpus = readJson<Corpus>('corpus.json');
  const sdk = app.sdk;
  const clientIds = new Map<string, string>();
  const hostIds = new Map<string, string>();
  const keyOf = new Map<string, string>();
  for (const c of corpus.clients) clientIds.set(c.key, (await sdk.CreateClient({ input: { name: c.name } })).createClient.id);
  for (const h of corpus.hosts) {
    const input = { clientId: clientIds.get(h.client)!, hostname: h.hostname, kind: h.kind as never, os: h.os, osVersion: h.osVersion };
    hostIds.set(h.key, (await sdk.RecordInfrastructure({ input })).recordInfrastructure.id);
  }
  for (const s of corpus.sessions) {
    const sessionId = (
      await sdk.StartSession({ input: { mode: 'MSP', clientId: clientIds.get(s.client)!, title: s.title, startedAt: s.startedAt } })
    ).startSession.id;
    keyOf.set(ref('SESSION', sessionId), s.key);
    if (s.tags.length) await sdk.TagSession({ input: { sessionId, tags: s.tags } });
    for (const r of s.records) {
      if (r.type === 'problem') {
        const input = {
          sessionId,
          symptom: r.symptom as string,
          rootCause: r.rootCause as string | undefined,
          solution: r.solution as string,
          verified: Boolean(r.verified),
          infrastructureId: r.host ? hostIds.get(r.host as string) : undefined,
        };
        keyOf.set(ref('PROBLEM_SOLUTION', (await sdk.LogProblemSolution({ input })).logProblemSolution.id), r.key);
      } else if (r.type === 'work') {
        const id = (
          await sdk.LogWorkItem({
            input: { sessionId, description: r.description as string, minutes: r.minutes as number, startedAt: s.startedAt },
          })
        ).logWorkItem.id;
        keyOf.set(ref('WORK_ITEM', id), r.key);
      } else {
        keyOf.set(ref('NOTE', (await sdk.Note({ input: { sessionId, kind: r.kind as never, text: r.text as string } })).note.id), r.key);
      }
    }
  }
  for (const f of corpus.failurePatterns) {
    const { key, failureCategory, ...rest } = f;
    const id = (await sdk.RecordFailurePattern({ input: { ...rest, failureCategory: failureCategory as never } })).recordFailurePattern.id;
    keyOf.set(ref('FAILURE_PATTERN', id), key);
  }
  for (const t of corpus.pendingTasks) await sdk.AddPendingTask({ input: { clientId: clientIds.get(t.client)!, title: t.title } });
  for (const i of corpus.insights) {
    const input = {
      clientId: clientIds.get(i.client)!,
      infrastructureId: i.host ? hostIds.get(i.host) : undefined,
      insight: i.insight,
      confidence: i.confidence,
    };
    keyOf.set(ref('INSIGHT', (await sdk.RecordEnvironmentalInsight({ input })).recordEnvironmentalInsight.id), i.key);
  }
  return { clientIds, keyOf };
}

/** A fixed-seed generator, so the filler documents are the same every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const FILLER_WORDS = (
  'checked updated replaced installed configured printer server laptop backup firewall switch mailbox user password share drive ' +
  'policy update license certificate network wireless phone camera monitor router domain account folder permission job queue ' +
  'restart reboot driver firmware office client ticket report invoice calendar meeting contract vendor schedule disk memory cpu ' +
  'service script task shortcut profile desktop browser teams outlook excel word sync cloud tenant portal access error warning'
).split(' ');

/**
 * Adds `count` filler notes (sentences of common MSP words, fixed seed) to one session of its own, straight
 * through the entities so the search index is written as for any note: distractors for the latency figures.
 */
export async function loadFiller(app: TestApp, count: number): Promise<void> {
  if (count <= 0) return;
  const random = seeded(17);
  const origin = { requestId: 'eval-retrieval', actor: 'eval' };
  const at = new Date('2026-01-01T00:00:00Z');
  const sessionId = await app.db.transaction(origin, async (m) => {
    const session = m.create(Session, {
      mode: SessionMode.NORMAL,
      title: 'Filler',
      billable: false,
      startedAt: at,
      createdAt: at,
      updatedAt: at,
    } as never) as unknown as Session;
    return (await m.save(session)).id;
  });
  for (let done = 0; done < count; done += 500) {
    await app.db.transaction(origin, async (m) => {
      const notes = Array.from({ length: Math.min(500, count - done) }, () => {
        const words = Array.from({ length: 8 + Math.floor(random() * 12) }, () => FILLER_WORDS[Math.floor(random() * FILLER_WORDS.length)]);
        return m.create(Note, { sessionId, kind: NoteKind.FINDING, text: words.join(' '), createdAt: at } as never);
      });
      await m.save(notes, { chunk: 100 });
    });
  }
}

export interface Scores {
  n: number;
  r1: number;
  r3: number;
  r10: number;
  mrr: number;
}
export interface OperationResult {
  byKind: Record<string, Scores>;
  overall: Scores;
  p50Ms: number;
  p95Ms: number;
}
export type EvalResult = Record<'search' | 'similarProblems' | 'contextInsights', OperationResult>;

const round3 = (n: number) => Math.round(n * 1000) / 1000;

function scores(ranks: (number | null)[]): Scores {
  const n = ranks.length;
  const within = (k: number) => ranks.filter((r) => r !== null && r <= k).length / Math.max(n, 1);
  const mrr = ranks.reduce<number>((sum, r) => sum + (r === null ? 0 : 1 / r), 0) / Math.max(n, 1);
  return { n, r1: round3(within(1)), r3: round3(within(3)), r10: round3(within(10)), mrr: round3(mrr) };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10 : 0;
};

/** Rank (1-based) of the first answer among the result keys, or null. */
const rankOf = (keys: (string | undefined)[], answers: string[]) => {
  const i = keys.findIndex((k) => k !== undefined && answers.includes(k));
  return i < 0 ? null : i + 1;
};

async function measureOperation(
  items: { id: string; kind: string; answers: string[]; run: () => Promise<(string | undefined)[]> }[],
): Promise<OperationResult> {
  const ranks: Record<string, (number | null)[]> = {};
  const all: (number | null)[] = [];
  const times: number[] = [];
  for (const item of items) {
    const start = performance.now();
    let keys: (string | undefined)[] = [];
    try {
      keys = await item.run();
    } catch (error) {
      // a query the API refuses (nothing searchable in it) finds nothing
      if (!(error instanceof MspApiError && error.code === 'BAD_USER_INPUT')) throw error;
    }
    times.push(performance.now() - start);
    const rank = rankOf(keys, item.answers);
    if (process.env.EVAL_MISSES && (rank === null || rank > 3)) console.log(`miss ${item.id} rank ${rank}: ${keys.slice(0, 3).join(' ')}`);
    (ranks[item.kind] ??= []).push(rank);
    all.push(rank);
  }
  const byKind = Object.fromEntries(Object.entries(ranks).map(([kind, r]) => [kind, scores(r)]));
  return { byKind, overall: scores(all), p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
}

const SIMILAR_KEYS = /^[pf]\d+$/;

/** Runs every gold query against the three operations. */
export async function evaluate(app: TestApp, loaded: LoadedCorpus): Promise<EvalResult> {
  const gold = readJson<Gold>('gold.json');
  // queries are retried (the test app's client is not): a keep-alive socket closed after a long load must not end the run
  const sdk = createMspClient({ url: app.url, token: app.token });
  const keyOf = (source: string, id: string) => loaded.keyOf.get(ref(source, id));
  const search = await measureOperation(
    gold.queries.map((q) => ({
      id: `search ${q.id} ${q.text}`,
      kind: q.kind,
      answers: q.answers,
      run: async () => (await sdk.Search({ text: q.text, first: 10 })).search.hits.map((h) => keyOf(h.source, h.id)),
    })),
  );
  const similarProblems = await measureOperation(
    gold.queries
      .map((q) => ({ ...q, answers: q.answers.filter((a) => SIMILAR_KEYS.test(a)) }))
      .filter((q) => q.answers.length)
      .map((q) => ({
        id: `similar ${q.id} ${q.text}`,
        kind: q.kind,
        answers: q.answers,
        run: async () =>
          (await sdk.SimilarProblems({ description: q.text, top: 10 })).similarProblems.matches.map((m) => keyOf(m.kind, m.id)),
      })),
  );
  const contextInsights = await measureOperation(
    gold.context.map((q) => ({
      id: q.id,
      kind: q.kind,
      answers: q.answers,
      run: async () =>
        (await sdk.ContextRecovery({ clientId: loaded.clientIds.get(q.client)!, limit: 5 })).contextRecovery.insights.map((i) =>
          keyOf('INSIGHT', i.id),
        ),
    })),
  );
  return { search, similarProblems, contextInsights };
}

const KINDS = ['keyword', 'paraphrase', 'abbreviation', 'typo', 'code', 'context'];

/** A markdown table of the result. */
export function table(result: EvalResult): string {
  const lines = ['| operation | kind | n | R@1 | R@3 | R@10 | MRR |', '|---|---|---|---|---|---|---|'];
  const f = (n: number) => n.toFixed(2);
  for (const [operation, r] of Object.entries(result)) {
    const kinds = KINDS.filter((k) => r.byKind[k]);
    for (const kind of kinds) {
      const s = r.byKind[kind];
      lines.push(`| ${operation} | ${kind} | ${s.n} | ${f(s.r1)} | ${f(s.r3)} | ${f(s.r10)} | ${f(s.mrr)} |`);
    }
    const o = r.overall;
    lines.push(`| ${operation} | **all** | ${o.n} | ${f(o.r1)} | **${f(o.r3)}** | ${f(o.r10)} | ${f(o.mrr)} |`);
  }
  lines.push('', '| operation | p50 ms | p95 ms |', '|---|---|---|');
  for (const [operation, r] of Object.entries(result)) lines.push(`| ${operation} | ${r.p50Ms} | ${r.p95Ms} |`);
  return lines.join('\n');
}
