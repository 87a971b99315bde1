import { EntityManager, IsNull } from 'typeorm';
import { now } from '../../entities/columns';
import { EnvironmentalInsight } from '../../entities/environmental-insight.entity';
import { FailurePattern } from '../../entities/failure-pattern.entity';
import { Infrastructure } from '../../entities/infrastructure.entity';
import { FailureCategory } from '../../entities/command-run.entity';
import { writeLock } from '../database/dialect';
import { isDuplicateKey } from '../database/database-faults';
import { environmentConditions, knownAlternative } from './failure-knowledge';

export const MAX_CONDITIONS = 20;
const MAX_SOURCES = 20;

/** One failure as failure learning sees it, whether a command or an operation. */
export interface FailureEvent {
  signature: string;
  failureCategory: FailureCategory | null;
  at: Date;
  /** The host it failed on, if known. */
  host: Infrastructure | null;
  clientId: number | null;
  shell: string | null;
  /** Id of the command or operation failure, kept on the insight as its evidence. */
  sourceId: number;
}

/**
 * Patterns are shared by every client, so their text comes from the signature alone: a command line or
 * error message may hold a client's host names, paths or even a password typed on the command line.
 */
export const patternDescription = (event: Pick<FailureEvent, 'signature' | 'failureCategory'>) =>
  `${event.signature.replace(/^\w+:/, '')} fails${event.failureCategory ? ` (${event.failureCategory})` : ''}`;
const merged = <T>(list: T[], more: T[], cap: number) => [...new Set([...list, ...more])].slice(-cap);

async function lockedPattern(manager: EntityManager, signature: string): Promise<FailurePattern | null> {
  return manager.findOne(FailurePattern, { where: { signature }, ...writeLock(manager) });
}

/**
 * The pattern of a signature (row locked), or `fresh` saved as its first sight. Two writers may create
 * the same one at once on MariaDB: the loser's insert hits the unique signature and it takes the winner's row.
 */
export async function patternFor(
  manager: EntityManager,
  signature: string,
  fresh: () => FailurePattern,
): Promise<{ pattern: FailurePattern; created: boolean }> {
  const existing = await lockedPattern(manager, signature);
  if (existing) return { pattern: existing, created: false };
  try {
    return { pattern: await manager.save(fresh()), created: true };
  } catch (error) {
    const winner = isDuplicateKey(error) ? await lockedPattern(manager, signature) : null;
    if (!winner) throw error;
    return { pattern: winner, created: false };
  }
}

/** The counts a pattern carries. */
export type PatternCounts = Pick<FailurePattern, 'occurrences' | 'firstSeenAt' | 'lastSeenAt' | 'environmentConditions'>;

/** A new pattern of a signature, with its description and known alternative. */
export function newPattern(
  manager: EntityManager,
  signature: string,
  failureCategory: FailureCategory | null,
  counts: PatternCounts,
): FailurePattern {
  const at = now();
  return manager.create(FailurePattern, {
    signature,
    description: patternDescription({ signature, failureCategory }),
    failureCategory,
    recommendedAlternative: knownAlternative(signature),
    ...counts,
    createdAt: at,
    updatedAt: at,
  });
}

const insightText = (pattern: FailurePattern, host: Infrastructure | null, conditions: string[]) =>
  `${pattern.signature.replace(/^\w+:/, '')} fails on ${host?.hostname ?? 'this client'}${conditions.length ? ` (${conditions.join(', ')})` : ''}` +
  (pattern.recommendedAlternative ? `; instead: ${pattern.recommendedAlternative}` : '');

/** How sure an insight is after `seen` failures: 50 for one, up to 95. */
const confidenceAfter = (seen: number) => Math.min(95, 35 + 15 * seen);

/** The insight "this fails here" for a pattern on one host (or, without a host, at one client), created or strengthened. */
export async function strengthenInsight(
  manager: EntityManager,
  pattern: FailurePattern,
  host: Infrastructure | null,
  clientId: number | null,
  sourceIds: number[],
  seen?: number,
): Promise<boolean> {
  if (!host && !clientId) return false;
  const where = host
    ? { failurePatternId: pattern.id, infrastructureId: host.id }
    : { failurePatternId: pattern.id, infrastructureId: IsNull(), clientId: clientId! };
  const existing = await manager.findOneBy(EnvironmentalInsight, where);
  const conditions = host ? environmentConditions(host) : [];
  const insight =
    existing ??
    manager.create(EnvironmentalInsight, {
      failurePatternId: pattern.id,
      infrastructureId: host?.id ?? null,
      clientId: host?.clientId ?? clientId,
      sourceFailureIds: [],
      createdAt: now(),
    });
  const before = JSON.stringify([insight.sourceFailureIds, insight.confidence, insight.insight, insight.active]);
  insight.sourceFailureIds = merged(insight.sourceFailureIds, sourceIds, MAX_SOURCES);
  insight.confidence = confidenceAfter(seen ?? insight.sourceFailureIds.length);
  insight.insight = insightText(pattern, host, conditions).slice(0, 2000);
  insight.active = true;
  if (existing && JSON.stringify([insight.sourceFailureIds, insight.confidence, insight.insight, insight.active]) === before) return false;
  insight.updatedAt = now();
  await manager.save(insight);
  return true;
}

/**
 * Failure learning, inside the transaction that records the failure: the pattern of its signature
 * counts one more occurrence in one more environment, and the host (or client) gets an insight.
 */
export async function learnFromFailure(manager: EntityManager, event: FailureEvent): Promise<FailurePattern> {
  const { host } = event;
  const conditions = host
    ? environmentConditions(host, event.shell)
    : event.shell
      ? environmentConditions({ os: null, osVersion: null }, event.shell)
      : [];
  const { pattern, created } = await patternFor(manager, event.signature, () =>
    newPattern(manager, event.signature, event.failureCategory, {
      occurrences: 1,
      firstSeenAt: event.at,
      lastSeenAt: event.at,
      environmentConditions: conditions,
    }),
  );
  if (!created) {
    pattern.occurrences += 1;
    if (event.at > pattern.lastSeenAt) pattern.lastSeenAt = event.at;
    if (event.at < pattern.firstSeenAt) pattern.firstSeenAt = event.at;
    pattern.environmentConditions = merged(pattern.environmentConditions, conditions, MAX_CONDITIONS);
    pattern.failureCategory ??= event.failureCategory;
    pattern.recommendedAlternative ??= knownAlternative(event.signature);
    pattern.updatedAt = now();
    await manager.save(pattern);
  }
  await strengthenInsight(manager, pattern, host, event.clientId, [event.sourceId]);
  return pattern;
}
