/**
 * Search ranks a record higher when it shares the query's setting, as similar problems do: the host the
 * query names, the technologies it mentions. A factor on the text score, so text relevance stays first.
 */
import { categorizeWork } from './categorizer';

const HOST_BOOST = 0.15;
const TECHNOLOGY_BOOST = 0.05;
const MAX_TECHNOLOGIES = 2;

export interface QueryClues {
  hosts: string[];
  technologies: string[];
}

export function queryClues(text: string): QueryClues {
  const { hosts, technologies } = categorizeWork(text);
  return { hosts, technologies };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const names = (text: string, host: string) => new RegExp(`(^|[^\\w-])${escapeRegExp(host)}($|[^\\w-])`, 'i').test(text);

/** 1 when nothing is shared; up to 1.25 for the named host and two shared technologies. */
export function contextFactor(clues: QueryClues, text: string): number {
  if (!clues.hosts.length && !clues.technologies.length) return 1;
  const host = clues.hosts.some((h) => names(text, h)) ? HOST_BOOST : 0;
  const shared = clues.technologies.length ? categorizeWork(text).technologies.filter((t) => clues.technologies.includes(t)).length : 0;
  return 1 + host + TECHNOLOGY_BOOST * Math.min(shared, MAX_TECHNOLOGIES);
}
