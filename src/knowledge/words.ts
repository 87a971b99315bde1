/**
 * Words of a text: folded to lower case without accents, split with error codes kept whole
 * (0x80070005, 5.7.1), filler words marked, stemmed (Porter2, the Snowball English stemmer). Pure.
 */
import stem from 'wink-porter2-stemmer';

/** Longest term stored or searched; longer "words" are junk (hashes, base64). */
export const MAX_TERM = 64;

/**
 * Filler words: English function words and the verbs of every problem report (can, get, not, new, all).
 * Words that mean something in IT (up, down, out, off, on-premises) are kept.
 */
export const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as into onto about than then so too very just also only ' +
    'is are was were be been being am it its this that these those there here we our ours us you your yours they their them ' +
    'he she his her him i me my mine what when where who whom why how which while since because after before again once ' +
    'can could get got gets getting not no nor new all any some do does did doing done has have had having will would shall ' +
    'should may might must keep keeps kept still now even ever every each other such own same both few more most ' +
    'please help need needs want wants like com www und s t don won isn aren wasn weren doesn didn hasn haven couldn wouldn shouldn cannot'
  ).split(' '),
);

// Hex codes and dotted numbers first, so 0x80070005 and 5.7.1 stay whole; then words, hyphenated or not.
const TOKEN = /0x[0-9a-f]+\b|\d+(?:\.\d+)+|[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*/gu;
export const ALPHABETIC = /^\p{L}+$/u;

export const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** A word as it was written (folded), its stem, and whether it is filler. */
export interface Word {
  text: string;
  stem: string;
  stopword: boolean;
  /** Offset in the folded text. */
  index: number;
  /** A part of a hyphenated word (wi of wi-fi), or the parts joined (wifi). */
  hyphen?: 'part' | 'joined';
}

const stemOf = (word: string) => (ALPHABETIC.test(word) && word.length > 3 ? stem(word) : word);

/** Single letters and single digits carry nothing; everything else may be a term (AD, DC, VM, IP count). */
const meaningful = (word: string) => word.length >= 2 && word.length <= MAX_TERM;

/**
 * The words of a text in order. A hyphenated word gives its parts and, after them, the parts joined
 * ("wi-fi" → wi, fi, wifi; "Connect-ExchangeOnline" → connect, exchangeonline, connectexchangeonline).
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const match of fold(text).matchAll(TOKEN)) {
    const token = match[0];
    const parts = token.includes('-') && !/^\d/.test(token) ? token.split('-') : [token];
    let offset = match.index ?? 0;
    for (const part of parts) {
      out.push({
        text: part,
        stem: stemOf(part),
        stopword: STOPWORDS.has(part) || !meaningful(part),
        index: offset,
        hyphen: parts.length > 1 ? 'part' : undefined,
      });
      offset += part.length + 1;
    }
    if (parts.length > 1) {
      const joined = parts.join('');
      if (meaningful(joined)) out.push({ text: joined, stem: stemOf(joined), stopword: false, index: match.index ?? 0, hyphen: 'joined' });
    }
  }
  return out;
}
