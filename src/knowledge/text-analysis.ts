/**
 * How text becomes search terms, the same for documents and queries: folded to lower case without
 * accents, split into words with error codes kept whole (0x80070005, 5.7.1), filler words dropped,
 * words stemmed (Porter2, the Snowball English stemmer), and the MSP vocabulary's concepts added
 * (see vocabulary.ts). Pure: no I/O.
 */
import { conceptsOf } from './vocabulary';
import { ALPHABETIC, Word, words } from './words';

/** Concepts that add a term: not the word's own stem ("backup" is its own concept). */
const addedConcepts = (list: Word[]) => conceptsOf(list).filter((c) => !(c.end - c.start === 1 && list[c.start].stem === c.concept));

/** How often each term occurs in a document's headline and in the rest, and how many terms it holds. */
export interface DocumentTerms {
  counts: Map<string, { title: number; body: number }>;
  length: number;
}

function addTerms(counts: DocumentTerms['counts'], text: string, field: 'title' | 'body'): number {
  const list = words(text);
  const terms = [...list.filter((w) => !w.stopword).map((w) => w.stem), ...addedConcepts(list).map((c) => c.concept)];
  for (const term of terms) {
    const entry = counts.get(term) ?? { title: 0, body: 0 };
    entry[field]++;
    counts.set(term, entry);
  }
  return terms.length;
}

/** The terms of a document: its words' stems and the concepts the vocabulary finds in it. */
export function documentTerms(title: string, body: string): DocumentTerms {
  const counts: DocumentTerms['counts'] = new Map();
  const length = addTerms(counts, title, 'title') + addTerms(counts, body, 'body');
  return { counts, length };
}

/** One way a query word can be found in a document, and how much a match that way counts. */
export interface Alternative {
  term: string;
  weight: number;
}

/** A word of the query (or a phrase the vocabulary knows) with every term that finds it. */
export interface QueryPart {
  /** As written (folded): what `terms` and `matchedTerms` show. */
  text: string;
  alternatives: Alternative[];
  /** A phrase concept ("active directory" → ad) adds weight but is not a word the document must hold. */
  phrase: boolean;
  /** Whether typo tolerance may look for it in the index's vocabulary when no term of it is there. */
  correctable: boolean;
  /** For a phrase: the words it spans, which count as found when the phrase is. */
  covers: string[];
}

/** A synonym or abbreviation counts a little less than the word itself, one part of a hyphenated word less still. */
export const CONCEPT_WEIGHT = 0.8;
export const PART_WEIGHT = 0.6;
export const MAX_QUERY_WORDS = 12;

export interface AnalyzedQuery {
  parts: QueryPart[];
  /** Words skipped: filler, single letters, or past the first MAX_QUERY_WORDS. */
  ignored: string[];
}

/** The parts of a query: each searchable word with its stem and concepts, then the phrases the vocabulary knows. */
export function analyzeQuery(text: string): AnalyzedQuery {
  const list = words(text);
  const concepts = addedConcepts(list);
  const parts: QueryPart[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  list.forEach((word, position) => {
    // a hyphenated word is one part: the joined word, its pieces as weaker alternatives
    if (word.hyphen === 'part' && !word.stopword) return;
    if (word.stopword || seen.has(word.text) || parts.length >= MAX_QUERY_WORDS) {
      if (!seen.has(word.text) && !ignored.includes(word.text)) ignored.push(word.text);
      return;
    }
    seen.add(word.text);
    const pieces = word.hyphen === 'joined' ? piecesBefore(list, position) : [];
    const own = concepts.filter((c) => c.start === position && c.end === position + 1);
    const alternatives = [
      { term: word.stem, weight: 1 },
      ...own.map((c) => ({ term: c.concept, weight: CONCEPT_WEIGHT })),
      ...pieces.filter((p) => !p.stopword).map((p) => ({ term: p.stem, weight: PART_WEIGHT })),
    ];
    const text = pieces.length ? pieces.map((p) => p.text).join('-') : word.text;
    parts.push({
      text,
      alternatives: dedupe(alternatives),
      phrase: false,
      correctable: ALPHABETIC.test(word.text) && word.text.length >= 4,
      covers: [],
    });
  });
  for (const c of concepts.filter((c) => c.end - c.start > 1)) {
    if (parts.some((p) => p.alternatives.some((a) => a.term === c.concept))) continue;
    const covered = list
      .slice(c.start, c.end)
      .filter((w) => !w.stopword)
      .map((w) => w.text);
    const covers = parts
      .filter((p) => covered.includes(p.text) || p.text.split('-').some((piece) => covered.includes(piece)))
      .map((p) => p.text);
    parts.push({ text: c.concept, alternatives: [{ term: c.concept, weight: CONCEPT_WEIGHT }], phrase: true, correctable: false, covers });
  }
  return { parts, ignored };
}

/** The pieces of the hyphenated word joined at `position` (they come right before it). */
function piecesBefore(list: Word[], position: number): Word[] {
  let start = position;
  while (start > 0 && list[start - 1].hyphen === 'part' && list[start - 1].index >= list[position].index) start--;
  return list.slice(start, position);
}

function dedupe(alternatives: Alternative[]): Alternative[] {
  const best = new Map<string, number>();
  for (const a of alternatives) best.set(a.term, Math.max(best.get(a.term) ?? 0, a.weight));
  return [...best].map(([term, weight]) => ({ term, weight }));
}

/** The terms of one written word (its stem and concepts), to highlight it in a snippet when any of them matched. */
export function termsOfWord(word: string): string[] {
  const list = words(word);
  return [...list.map((w) => w.stem), ...conceptsOf(list).map((c) => c.concept)];
}
