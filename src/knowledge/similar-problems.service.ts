import { EntityManager, In } from 'typeorm';
import { FailurePattern } from '../../entities/failure-pattern.entity';
import { ProblemSolution } from '../../entities/problem-solution.entity';
import { SearchSource } from '../../entities/search-document.entity';
import { SessionTag } from '../../entities/session-tag.entity';
import { BadInputError } from '../core/errors';
import { categorizeWork } from './categorizer';
import { rankDocuments, RankedDocument, searchTerms } from './search.service';
import { Client } from '../../entities/client.entity';
import { findOrFail } from '../kit/find-or-fail';
import { clip, joinLines } from '../kit/text';
import type { Scope } from '../kit/scope';

export enum SimilarKind {
  PROBLEM_SOLUTION = 'PROBLEM_SOLUTION',
  FAILURE_PATTERN = 'FAILURE_PATTERN',
}

export interface SimilarProblem {
  kind: SimilarKind;
  id: number;
  score: number;
  why: string[];
  symptom: string;
  solution: string | null;
  verified: boolean;
  host: string | null;
  sessionId: number | null;
  occurrences: number | null;
}

export interface SimilarProblemsAnswer {
  matches: SimilarProblem[];
  text: string;
}

/** Weights of the score: text relevance dominates; the shared context lifts the truly related ones. */
const TEXT_WEIGHT = 0.6;
const TECHNOLOGY_POINTS = 0.075;
const MAX_TECHNOLOGIES = 2;
const HOST_POINTS = 0.15;
const TAG_POINTS = 0.05;
const MAX_TAGS = 2;
const SHOWN = 80;
/** The best text matches considered: context can lift a candidate only so far (MAX_CONTEXT), so deeper ones never reach the top. */
const MAX_CANDIDATES = 100;

/** A candidate with everything its score needs, whatever its kind. */
interface Candidate {
  ranked: RankedDocument;
  problem: Omit<SimilarProblem, 'score' | 'why'>;
  /** All its words, for technologies and host names. */
  text: string;
  tags: string[];
}

/** What the description says about its setting, read once. */
interface Clues {
  technologies: string[];
  hosts: string[];
  tags: string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cut = (text: string) => clip(text.replace(/\s+/g, ' ').trim(), SHOWN);

/** A host name standing as a word of the text (DC01 in "on dc01." or "dc01.acme.local"), any case. */
const names = (text: string, host: string) => new RegExp(`(^|[^\\w-])${escapeRegExp(host)}($|[^\\w-])`, 'i').test(text);

/** Problem solutions (of the client, when given) and failure patterns, which belong to no client: shared knowledge. */
async function rankedCandidates(scope: Scope, description: string, clientId?: string): Promise<RankedDocument[]> {
  if (!clientId)
    return (
      await rankDocuments(scope, description, { sources: [SearchSource.PROBLEM_SOLUTION, SearchSource.FAILURE_PATTERN] }, MAX_CANDIDATES)
    ).ranked;
  const [solutions, patterns] = await Promise.all([
    rankDocuments(scope, description, { sources: [SearchSource.PROBLEM_SOLUTION], clientId }, MAX_CANDIDATES),
    rankDocuments(scope, description, { sources: [SearchSource.FAILURE_PATTERN] }, MAX_CANDIDATES),
  ]);
  return [...solutions.ranked, ...patterns.ranked];
}

/** Tag names of each session, in one joined statement. */
async function sessionTags(manager: EntityManager, sessionIds: number[]): Promise<Map<number, string[]>> {
  const links = sessionIds.length ? await manager.find(SessionTag, { where: { sessionId: In(sessionIds) }, relations: { tag: true } }) : [];
  const bySession = new Map<number, string[]>();
  for (const link of links) bySession.set(link.sessionId, [...(bySession.get(link.sessionId) ?? []), link.tag!.name]);
  return bySession;
}

/** The ranked documents' records, in three statements at most whatever their number. */
async function loadCandidates(manager: EntityManager, ranked: RankedDocument[]): Promise<Candidate[]> {
  const idsOf = (source: SearchSource) => ranked.filter((r) => r.document.source === source).map((r) => r.document.sourceId);
  const solutionIds = idsOf(SearchSource.PROBLEM_SOLUTION);
  const patternIds = idsOf(SearchSource.FAILURE_PATTERN);
  const solutions = solutionIds.length
    ? await manager.find(ProblemSolution, { where: { id: In(solutionIds) }, relations: { infrastructure: true } })
    : [];
  const patterns = patternIds.length ? await manager.findBy(FailurePattern, { id: In(patternIds) }) : [];
  const tags = await sessionTags(manager, [...new Set(solutions.map((s) => s.sessionId))]);
  const solutionById = new Map(solutions.map((s) => [s.id, s]));
  const patternById = new Map(patterns.map((p) => [p.id, p]));
  // A document whose record is gone (deleted in between) is skipped.
  return ranked.flatMap((r): Candidate[] => {
    const solution = r.document.source === SearchSource.PROBLEM_SOLUTION ? solutionById.get(r.document.sourceId) : undefined;
    if (solution) return [solutionCandidate(r, solution, tags.get(solution.sessionId) ?? [])];
    const pattern = r.document.source === SearchSource.FAILURE_PATTERN ? patternById.get(r.document.sourceId) : undefined;
    return pattern ? [patternCandidate(r, pattern)] : [];
  });
}

function solutionCandidate(ranked: RankedDocument, s: ProblemSolution, tags: string[]): Candidate {
  const host = s.infrastructure?.hostname ?? null;
  return {
    ranked,
    problem: {
      kind: SimilarKind.PROBLEM_SOLUTION,
      id: s.id,
      symptom: s.symptom,
      solution: s.solution,
      verified: s.verified,
      host,
      sessionId: s.sessionId,
      occurrences: null,
    },
    text: joinLines(s.symptom, s.rootCause, s.solution),
    tags,
  };
}

function patternCandidate(ranked: RankedDocument, p: FailurePattern): Candidate {
  return {
    ranked,
    problem: {
      kind: SimilarKind.FAILURE_PATTERN,
      id: p.id,
      symptom: p.description,
      solution: p.recommendedAlternative,
      verified: false,
      host: null,
      sessionId: null,
      occurrences: p.occurrences,
    },
    text: joinLines(p.description, p.recommendedAlternative, p.environmentConditions.join(', ')),
    tags: [],
  };
}

/** Context adds at most this to a score: the ceiling of a candidate before its text is categorised. */
const MAX_CONTEXT = TECHNOLOGY_POINTS * MAX_TECHNOLOGIES + HOST_POINTS + TAG_POINTS * MAX_TAGS;
const round2 = (n: number) => Math.round(n * 100) / 100;
const textShare = (candidate: Candidate, bestText: number) => (TEXT_WEIGHT * candidate.ranked.score) / bestText;

/** The candidate's score in [0, 1] and the reasons for it. */
function scored(candidate: Candidate, clues: Clues, bestText: number): SimilarProblem {
  const technologies = categorizeWork(candidate.text).technologies.filter((t) => clues.technologies.includes(t));
  const ownHost = candidate.problem.host;
  const host = clues.hosts.find((h) => ownHost?.toLowerCase() === h.toLowerCase()) ?? clues.hosts.find((h) => names(candidate.text, h));
  const tags = candidate.tags.filter((t) => clues.tags.includes(t));
  const score =
    textShare(candidate, bestText) +
    TECHNOLOGY_POINTS * Math.min(technologies.length, MAX_TECHNOLOGIES) +
    (host ? HOST_POINTS : 0) +
    TAG_POINTS * Math.min(tags.length, MAX_TAGS);
  const why = [
    `words: ${candidate.ranked.matched.join(', ')}`,
    ...technologies.map((t) => `technology: ${t}`),
    ...(host ? [`same host: ${ownHost?.toLowerCase() === host.toLowerCase() ? ownHost : host}`] : []),
    ...tags.map((t) => `tag: ${t}`),
  ];
  return { ...candidate.problem, score: round2(score), why };
}

interface Scored {
  match: SimilarProblem;
  text: number;
}

/** Best first; on equal (rounded) scores a verified fix beats an unconfirmed one, then the better text match. */
function compare(a: Scored, b: Scored): number {
  const [x, y] = [a.match, b.match];
  return y.score - x.score || Number(y.verified) - Number(x.verified) || b.text - a.text || x.kind.localeCompare(y.kind) || x.id - y.id;
}

/**
 * The top N, best first. Candidates are scored best text first, stopping once even full context could not
 * lift the next into the top N: categorising the text of all (up to 400) would cost tens of milliseconds.
 */
function topMatches(candidates: Candidate[], clues: Clues, top: number): SimilarProblem[] {
  const byText = [...candidates].sort((a, b) => b.ranked.score - a.ranked.score);
  const bestText = byText[0]?.ranked.score;
  const kept: Scored[] = [];
  for (const candidate of byText) {
    if (kept.length === top && round2(textShare(candidate, bestText) + MAX_CONTEXT) < kept[top - 1].match.score) break;
    kept.push({ match: scored(candidate, clues, bestText), text: candidate.ranked.score });
    kept.sort(compare).splice(top);
  }
  return kept.map((k) => k.match);
}

function render(matches: SimilarProblem[], terms: string[]): string {
  if (!matches.length) return `No similar problems on record for "${terms.join(' ')}".`;
  return matches
    .map((m, i) => `${i + 1}. (${m.score.toFixed(2)}) ${cut(m.symptom)}${m.solution ? ` → ${cut(m.solution)}` : ''} [${m.why.join('; ')}]`)
    .join('\n');
}

/**
 * Past problem solutions and failure patterns most like a described problem: full-text relevance, plus
 * the technologies, host and tags they share with it.
 */
export async function similarProblems(scope: Scope, description: string, top = 3, clientId?: string): Promise<SimilarProblemsAnswer> {
  const { terms } = searchTerms(description);
  if (!terms.length)
    throw new BadInputError(
      'description',
      'no words to compare: single letters and very common words (the, and, can, get, not, …) are skipped',
    );
  if (clientId) await findOrFail(scope.db.manager, Client, clientId, 'clientId');
  const candidates = await loadCandidates(scope.db.manager, await rankedCandidates(scope, description, clientId));
  const { technologies, hosts, tags } = categorizeWork(description);
  const matches = topMatches(candidates, { technologies, hosts, tags }, top);
  return { matches, text: render(matches, terms) };
}
