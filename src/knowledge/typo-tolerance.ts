/**
 * Typo tolerance against the index's own vocabulary: a query word that no document holds is matched to
 * the closest terms that start with the same letter (Damerau-Levenshtein distance, 1 for words of up to
 * four letters, else 2). Pure: the caller reads the vocabulary.
 */
import distance from 'damerau-levenshtein';

/** A correction counts less than the word as written. */
export const TYPO_WEIGHT = 0.7;
const MAX_CORRECTIONS = 2;
const MIN_TERM = 3;

const allowed = (word: string) => (word.length <= 4 ? 1 : 2);

/** The closest vocabulary terms to a word (as written and as stemmed), best first: nearest, then most used, then by name. */
export function corrections(word: string, stem: string, vocabulary: { term: string; documents: number }[]): string[] {
  const limit = allowed(word);
  return vocabulary
    .filter((v) => v.term.length >= MIN_TERM && Math.abs(v.term.length - stem.length) <= limit + 1)
    .map((v) => ({ ...v, steps: Math.min(distance(word, v.term).steps, distance(stem, v.term).steps) }))
    .filter((v) => v.steps <= limit)
    .sort((a, b) => a.steps - b.steps || b.documents - a.documents || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, MAX_CORRECTIONS)
    .map((v) => v.term);
}
