/**
 * Lexical ranking over search_terms, computed in code so that every database ranks alike: BM25 per query
 * part (its best alternative: the word, a synonym, a correction), headline terms counting double, scaled
 * by the share of the query's words the document holds, so records with every word come first.
 */
import { EntityManager } from 'typeorm';
import { analyzeQuery, AnalyzedQuery, QueryPart } from './text-analysis';
import { bestDocuments, documentFrequencies, DocumentScope, Posting, postingsOf, vocabularyStartingWith } from './term-index';
import { corrections, TYPO_WEIGHT } from './typo-tolerance';

const K1 = 1.2;
const B = 0.5;
/** Typical terms per document; a fixed figure keeps scores independent of what else is stored. */
const AVERAGE_LENGTH = 24;
const TITLE_WEIGHT = 2;
/** Share of the score a document keeps however few of the words it holds. */
const COVERAGE_FLOOR = 0.3;
/** How many more than asked the database picks before the exact scoring in code. */
const HEAD_MARGIN = 50;

export interface TermHit {
  documentId: number;
  score: number;
  /** The query's words (and phrases) the document holds, as written. */
  matched: string[];
  /** The terms through which they were found, for highlighting. */
  terms: Set<string>;
  occurredAt: Date;
}

/** Adds the corrections of the query's words that no document holds. */
async function withCorrections(manager: EntityManager, query: AnalyzedQuery, frequencies: Map<string, number>): Promise<QueryPart[]> {
  const unknown = query.parts.filter((p) => p.correctable && !p.alternatives.some((a) => frequencies.has(a.term)));
  if (!unknown.length) return query.parts;
  const vocabulary = await vocabularyStartingWith(manager, [...new Set(unknown.map((p) => p.text.charAt(0)))]);
  return query.parts.map((part) => {
    if (!unknown.includes(part)) return part;
    const fixes = corrections(
      part.text,
      part.alternatives[0].term,
      vocabulary.filter((v) => v.term.charAt(0) === part.text.charAt(0)),
    );
    for (const term of fixes) frequencies.set(term, vocabulary.find((v) => v.term === term)!.documents);
    return { ...part, alternatives: [...part.alternatives, ...fixes.map((term) => ({ term, weight: TYPO_WEIGHT }))] };
  });
}

const idf = (total: number, frequency: number) => Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));

function saturation(p: Posting): number {
  const tf = TITLE_WEIGHT * p.titleCount + p.bodyCount;
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * p.termCount) / AVERAGE_LENGTH));
}

/** Every document holding any part of the query, best first (ties: newer first, then lower id); the best `head` scored exactly. */
export async function rankByTerms(
  manager: EntityManager,
  text: string,
  scope: DocumentScope,
  head: number,
): Promise<{ hits: TermHit[]; total: number; query: AnalyzedQuery }> {
  const query = analyzeQuery(text);
  const asked = [...new Set(query.parts.flatMap((p) => p.alternatives.map((a) => a.term)))];
  const { frequencies, total } = await documentFrequencies(manager, asked);
  const parts = (await withCorrections(manager, query, frequencies)).map((p) => ({
    ...p,
    alternatives: p.alternatives.filter((a) => frequencies.has(a.term)),
  }));
  const analyzed = { ...query, parts };
  if (!parts.some((p) => p.alternatives.length)) return { hits: [], total: 0, query: analyzed };
  const idfOf = (term: string) => idf(total, frequencies.get(term) ?? 1);
  const words = parts.filter((p) => !p.phrase);
  const wordIndex = (text: string) => words.findIndex((w) => w.text === text);
  const scored = parts.map((p) => ({
    terms: p.alternatives.map((a) => ({ term: a.term, factor: a.weight * idfOf(a.term) })),
    covers: p.phrase ? p.covers.map(wordIndex).filter((i) => i >= 0) : [wordIndex(p.text)],
  }));
  const formula = { k1: K1, b: B, averageLength: AVERAGE_LENGTH, titleWeight: TITLE_WEIGHT, coverageFloor: COVERAGE_FLOOR };
  // a margin past the head, so that the databases' last-digit differences cannot change who is in it
  const best = await bestDocuments(manager, scored, words.length, scope, formula, head + HEAD_MARGIN);
  const terms = [...new Set(parts.flatMap((p) => p.alternatives.map((a) => a.term)))];
  const rows = await postingsOf(manager, terms, best.ids);
  const byDocument = new Map<number, Map<string, Posting>>();
  for (const row of rows) {
    const held = byDocument.get(row.documentId) ?? new Map<string, Posting>();
    held.set(row.term, row);
    byDocument.set(row.documentId, held);
  }
  const hits: TermHit[] = [];
  for (const [documentId, held] of byDocument) {
    let sum = 0;
    const matched: string[] = [];
    const found = new Set<string>();
    const via = new Set<string>();
    for (const part of parts) {
      let value = 0;
      let term: string | null = null;
      for (const a of part.alternatives) {
        const posting = held.get(a.term);
        const v = posting ? a.weight * idfOf(a.term) * saturation(posting) : 0;
        if (v > value) [value, term] = [v, a.term];
      }
      if (!term) continue;
      sum += value;
      if (!part.phrase) matched.push(part.text);
      via.add(term);
      found.add(part.text);
      for (const w of part.covers) found.add(w);
    }
    const coverage = words.filter((w) => found.has(w.text)).length / Math.max(words.length, 1);
    hits.push({
      documentId,
      score: sum * (COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * coverage),
      matched,
      terms: via,
      occurredAt: [...held.values()][0].occurredAt,
    });
  }
  // best first (unrounded, as the database ordered them); equal scores newer first, then lower id
  hits.sort((a, b) => b.score - a.score || b.occurredAt.getTime() - a.occurredAt.getTime() || a.documentId - b.documentId);
  for (const hit of hits) hit.score = Math.round(hit.score * 1000) / 1000;
  return { hits: hits.slice(0, head), total: best.total, query: analyzed };
}
