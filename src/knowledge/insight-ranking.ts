/**
 * Which insights an agent picking up a client needs first: those about what is to be done next (open
 * tasks) and what was done last (recent sessions), then the most confident. Pure: the caller loads them.
 */
import { documentTerms } from './text-analysis';

/** An open task's words count fully, a recent session's title less: the next job matters most. */
const TASK_WEIGHT = 1;
const SESSION_WEIGHT = 0.3;

interface Ranked<T> {
  item: T;
  relevance: number;
}

const termsOf = (text: string) => new Set(documentTerms('', text).counts.keys());

/**
 * The insights ordered by relevance to the work (shared terms, weighted by where they come from) plus
 * confidence (0–100 counts up to one shared term), ties by id.
 */
export function rankInsights<T extends { id: number; insight: string; confidence: number }>(
  insights: T[],
  work: { tasks: string[]; sessions: string[] },
): T[] {
  const weights = new Map<string, number>();
  const add = (texts: string[], weight: number) => {
    for (const text of texts) for (const term of termsOf(text)) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  };
  add(work.sessions, SESSION_WEIGHT);
  add(work.tasks, TASK_WEIGHT);
  const ranked: Ranked<T>[] = insights.map((item) => ({
    item,
    relevance: [...termsOf(item.insight)].reduce((sum, term) => sum + (weights.get(term) ?? 0), 0) + item.confidence / 100,
  }));
  return ranked.sort((a, b) => b.relevance - a.relevance || a.item.id - b.item.id).map((r) => r.item);
}
