import { EntityManager, In, IsNull } from 'typeorm';
import { Client } from '../../entities/client.entity';
import { now } from '../../entities/columns';
import { CommandRun } from '../../entities/command-run.entity';
import { FailurePattern } from '../../entities/failure-pattern.entity';
import { Infrastructure } from '../../entities/infrastructure.entity';
import { OperationFailure } from '../../entities/operation-failure.entity';
import { parseDbTime } from '../database/db-time';
import { commandSignature, environmentConditions, inferFailureCategory, operationSignature } from './failure-knowledge';
import { MAX_CONDITIONS, newPattern, PatternCounts, patternFor, strengthenInsight } from './failure-learning.service';
import { findOrFail } from '../kit/find-or-fail';
import type { Scope } from '../kit/scope';

/** Failures of one signature on one host at one client, counted in SQL. */
interface FailureGroup {
  signature: string;
  infrastructureId: number | null;
  clientId: number | null;
  count: number;
  first: Date;
  last: Date;
  shell: string | null;
  lastId: number;
}

type RawGroup = {
  sig: string;
  infra: number | null;
  client: number | null;
  n: number | string;
  first: Date | string;
  last: Date | string;
  shell: string | null;
  lastId: number;
};

const toGroup = (r: RawGroup): FailureGroup => ({
  signature: r.sig,
  infrastructureId: r.infra == null ? null : Number(r.infra),
  clientId: r.client == null ? null : Number(r.client),
  count: Number(r.n),
  first: parseDbTime(r.first),
  last: parseDbTime(r.last),
  shell: r.shell,
  lastId: Number(r.lastId),
});

/** Every recorded failure with a signature, grouped by signature, host and client: two statements. */
async function failureGroups(manager: EntityManager, clientId?: number): Promise<FailureGroup[]> {
  const commands = manager
    .createQueryBuilder(CommandRun, 'c')
    .innerJoin('sessions', 's', 's.id = c.session_id')
    .select([
      'c.failure_signature AS sig',
      'c.infrastructure_id AS infra',
      's.client_id AS client',
      'COUNT(*) AS n',
      'MIN(c.ran_at) AS first',
      'MAX(c.ran_at) AS last',
      'MAX(c.shell) AS shell',
      'MAX(c.id) AS lastId',
    ])
    .where('c.failure_signature IS NOT NULL')
    .groupBy('c.failure_signature, c.infrastructure_id, s.client_id');
  const operations = manager
    .createQueryBuilder(OperationFailure, 'o')
    .select([
      'o.failure_signature AS sig',
      'o.infrastructure_id AS infra',
      'o.client_id AS client',
      'COUNT(*) AS n',
      'MIN(o.occurred_at) AS first',
      'MAX(o.occurred_at) AS last',
      'NULL AS shell',
      'MAX(o.id) AS lastId',
    ])
    .where('o.failure_signature IS NOT NULL')
    .groupBy('o.failure_signature, o.infrastructure_id, o.client_id');
  if (clientId) {
    // a client's signatures, counted everywhere: patterns are shared knowledge
    const ofClient = (alias: string) =>
      `${alias}.failure_signature IN (SELECT c2.failure_signature FROM commands_run c2 JOIN sessions s2 ON s2.id = c2.session_id WHERE s2.client_id = :clientId UNION SELECT o2.failure_signature FROM operation_failures o2 WHERE o2.client_id = :clientId)`;
    commands.andWhere(ofClient('c'), { clientId });
    operations.andWhere(ofClient('o'), { clientId });
  }
  return [...(await commands.getRawMany<RawGroup>()), ...(await operations.getRawMany<RawGroup>())].map(toGroup);
}

export interface PatternFigures {
  pattern: FailurePattern;
  occurrences: number;
  hosts: string[];
}

export interface FailureAnalysis {
  patterns: PatternFigures[];
  failuresScanned: number;
  failuresSigned: number;
  patternsUpdated: number;
  insightsUpdated: number;
  text: string;
}

const bySignature = (groups: FailureGroup[]) => {
  const map = new Map<string, FailureGroup[]>();
  for (const g of groups) map.set(g.signature, [...(map.get(g.signature) ?? []), g]);
  return map;
};

/** A pattern's counts, from its failure groups. */
function countsOf(groups: FailureGroup[], hosts: Map<number, Infrastructure>): PatternCounts {
  return {
    occurrences: groups.reduce((sum, g) => sum + g.count, 0),
    firstSeenAt: new Date(Math.min(...groups.map((g) => g.first.getTime()))),
    lastSeenAt: new Date(Math.max(...groups.map((g) => g.last.getTime()))),
    environmentConditions: [
      ...new Set(groups.flatMap((g) => environmentConditions(hosts.get(g.infrastructureId!) ?? { os: null, osVersion: null }, g.shell))),
    ].slice(0, MAX_CONDITIONS),
  };
}

const sameCounts = (pattern: FailurePattern, counts: PatternCounts) =>
  pattern.occurrences === counts.occurrences &&
  pattern.firstSeenAt.getTime() === counts.firstSeenAt.getTime() &&
  pattern.lastSeenAt.getTime() === counts.lastSeenAt.getTime() &&
  JSON.stringify(pattern.environmentConditions) === JSON.stringify(counts.environmentConditions);

const describe = (figures: PatternFigures[], patterns: number, scanned: number, label: string) =>
  [
    `${scanned} failure(s) in ${patterns} pattern(s)${label}.`,
    ...figures.map(
      (f, i) =>
        `${i + 1}. ${f.pattern.signature} ×${f.occurrences}${f.hosts.length ? ` on ${f.hosts.slice(0, 5).join(', ')}` : ''}${f.pattern.recommendedAlternative ? ` — instead: ${f.pattern.recommendedAlternative.slice(0, 120)}` : ''}`,
    ),
  ].join('\n');

/**
 * Failures recorded before failure learning existed have no signature yet: they get one (and a category
 * when they had none), saved like any change, so the rebuild counts them. Returns how many.
 */
async function signUnsigned(manager: EntityManager): Promise<number> {
  const commands = await manager.find(CommandRun, { where: { success: false, failureSignature: IsNull() } });
  for (const c of commands)
    Object.assign(c, {
      failureSignature: commandSignature(c.command),
      failureCategory: c.failureCategory ?? inferFailureCategory(c.errorMessage, c.exitCode),
    });
  const operations = await manager.find(OperationFailure, { where: { failureSignature: IsNull() } });
  for (const o of operations)
    Object.assign(o, {
      failureSignature: operationSignature(o.operation),
      failureCategory: o.failureCategory ?? inferFailureCategory(o.errorMessage),
    });
  await manager.save(commands, { chunk: 500 });
  await manager.save(operations, { chunk: 500 });
  return commands.length + operations.length;
}

/**
 * Rebuilds failure patterns and host insights from the recorded failures (all, or those of the
 * signatures seen at one client) and lists the most frequent patterns with their counts.
 */
export function analyzeFailures(scope: Scope, clientId: string | undefined, top: number): Promise<FailureAnalysis> {
  return scope.db.transaction(scope, async (manager) => {
    const client = clientId ? await findOrFail(manager, Client, clientId, 'clientId') : null;
    const failuresSigned = await signUnsigned(manager);
    const groups = await failureGroups(manager, client?.id);
    const signatures = bySignature(groups);
    const hostIds = [...new Set(groups.map((g) => g.infrastructureId).filter((id): id is number => id != null))];
    const hosts = new Map((hostIds.length ? await manager.findBy(Infrastructure, { id: In(hostIds) }) : []).map((h) => [h.id, h]));
    const patterns = new Map<string, FailurePattern>();
    let patternsUpdated = 0;
    let insightsUpdated = 0;
    for (const [signature, ofSignature] of signatures) {
      const counts = countsOf(ofSignature, hosts);
      const { pattern, created } = await patternFor(manager, signature, () => newPattern(manager, signature, null, counts));
      if (created) patternsUpdated++;
      else if (!sameCounts(pattern, counts)) {
        await manager.save(Object.assign(pattern, counts, { updatedAt: now() }));
        patternsUpdated++;
      }
      patterns.set(signature, pattern);
      for (const group of ofSignature.filter((g) => g.infrastructureId != null && hosts.has(g.infrastructureId))) {
        if (await strengthenInsight(manager, pattern, hosts.get(group.infrastructureId!)!, group.clientId, [group.lastId], group.count))
          insightsUpdated++;
      }
    }
    const inScope = client ? groups.filter((g) => g.clientId === client.id) : groups;
    const figures = [...bySignature(inScope)]
      .map(([signature, list]) => ({
        pattern: patterns.get(signature)!,
        occurrences: list.reduce((sum, g) => sum + g.count, 0),
        hosts: [...new Set(list.map((g) => hosts.get(g.infrastructureId!)?.hostname).filter((h): h is string => !!h))].sort(),
      }))
      .sort(
        (a, b) =>
          b.occurrences - a.occurrences ||
          b.pattern.lastSeenAt.getTime() - a.pattern.lastSeenAt.getTime() ||
          a.pattern.signature.localeCompare(b.pattern.signature),
      );
    const scanned = inScope.reduce((sum, g) => sum + g.count, 0);
    const listed = figures.slice(0, top);
    return {
      patterns: listed,
      failuresScanned: scanned,
      failuresSigned,
      patternsUpdated,
      insightsUpdated,
      text: describe(listed, figures.length, scanned, client ? ` at ${client.name}` : ''),
    };
  });
}
