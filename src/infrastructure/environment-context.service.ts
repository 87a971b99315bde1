import { EntityManager, In, IsNull } from 'typeorm';
import { Client } from '../../entities/client.entity';
import { CommandRun } from '../../entities/command-run.entity';
import { EnvironmentalInsight } from '../../entities/environmental-insight.entity';
import { FailurePattern } from '../../entities/failure-pattern.entity';
import { Infrastructure } from '../../entities/infrastructure.entity';
import { BadInputError, NotFoundError } from '../core/errors';
import { commandSignature, environmentConditions, knownAlternative, sameEnvironment } from '../failure-learning/failure-knowledge';
import type { Scope } from '../kit/scope';

export enum Verdict {
  OK = 'OK',
  WARN = 'WARN',
  BLOCK = 'BLOCK',
}

/** Failures on the host itself after which the service refuses to suggest the command again. */
const BLOCK_AFTER = 3;
const MAX_INSIGHTS = 10;

export interface HostQuery {
  infrastructureId?: number;
  hostname?: string;
  clientId?: number;
  command?: string;
  shell?: string;
}

export interface EnvironmentAnswer {
  host: Infrastructure;
  conditions: string[];
  insights: EnvironmentalInsight[];
  patterns: FailurePattern[];
  verdict: Verdict;
  reason: string;
  alternative: string | null;
  text: string;
}

/** The host asked about: by id, or by host name (case-insensitive) within the client when one is given. */
async function findHost(manager: EntityManager, query: HostQuery): Promise<Infrastructure> {
  if (!query.infrastructureId && !query.hostname) throw new BadInputError('hostname', 'give infrastructureId or hostname');
  const candidates = query.infrastructureId
    ? await manager.findBy(Infrastructure, { id: query.infrastructureId })
    : await manager
        .createQueryBuilder(Infrastructure, 'i')
        .where('LOWER(i.hostname) = :hostname', { hostname: query.hostname!.trim().toLowerCase() })
        .orderBy('i.id')
        .getMany();
  // an id names one host; a name may stand at several clients, and clientId picks one
  const hosts = query.clientId ? candidates.filter((h) => h.clientId === query.clientId) : candidates;
  const field = query.infrastructureId ? 'infrastructureId' : 'hostname';
  if (!hosts.length)
    throw new NotFoundError(
      query.clientId ? `Infrastructure of client ${query.clientId}` : 'Infrastructure',
      query.infrastructureId ?? query.hostname!,
      field,
    );
  if (hosts.length > 1) {
    const clients = await manager.findBy(Client, { id: In(hosts.map((h) => h.clientId)) });
    throw new BadInputError(
      'hostname',
      `"${query.hostname}" exists at ${hosts.length} clients (${clients.map((c) => `${c.name}: ${c.id}`).join(', ')}); give clientId`,
    );
  }
  return hosts[0];
}

/** Active insights about the host, then about its client as a whole, most confident first. */
const insightsFor = (manager: EntityManager, host: Infrastructure) =>
  manager.find(EnvironmentalInsight, {
    where: [
      { infrastructureId: host.id, active: true },
      { clientId: host.clientId, infrastructureId: IsNull(), active: true },
    ],
    order: { confidence: 'DESC', id: 'ASC' },
    take: MAX_INSIGHTS,
  });

interface Judgement {
  verdict: Verdict;
  reason: string;
}

/**
 * WARN when the command failed on this host, or on a host sharing its OS or shell; BLOCK once it failed
 * here BLOCK_AFTER times; OK when nothing is known against it.
 */
function judge(command: string, pattern: FailurePattern | null, failuresHere: number, shared: string[]): Judgement {
  if (!pattern) return { verdict: Verdict.OK, reason: `No failures of ${command} are on record.` };
  const why = pattern.failureCategory ? ` (${pattern.failureCategory})` : '';
  if (failuresHere >= BLOCK_AFTER)
    return { verdict: Verdict.BLOCK, reason: `${command} failed ${failuresHere} times on this host${why}; do not run it again here.` };
  if (failuresHere > 0) return { verdict: Verdict.WARN, reason: `${command} failed ${failuresHere} time(s) on this host${why}.` };
  if (shared.length)
    return {
      verdict: Verdict.WARN,
      reason: `${command} failed on hosts with ${shared.join(', ')} like this one${why}; ${pattern.occurrences} failure(s) on record in all.`,
    };
  return {
    verdict: Verdict.OK,
    reason: `${command} failed elsewhere (${pattern.environmentConditions.join(', ') || 'unknown environment'}), not in an environment like this one.`,
  };
}

const render = (a: Omit<EnvironmentAnswer, 'text'>, command?: string) =>
  [
    `${a.host.hostname}${a.conditions.length ? ` (${a.conditions.join(', ')})` : ''}${command ? ` — ${a.verdict}: ${a.reason}` : ''}`,
    a.alternative ? `Instead: ${a.alternative}` : null,
    a.host.environmentalNotes ? `Notes: ${a.host.environmentalNotes.replace(/\s+/g, ' ').slice(0, 300)}` : null,
    ...a.insights.slice(0, 5).map((i) => `- ${i.insight.slice(0, 200)} (${i.confidence}%)`),
  ]
    .filter((line): line is string => !!line)
    .join('\n');

/** What an agent must know before working on a host, and whether a command is safe to run there. */
export async function environmentContext(scope: Scope, query: HostQuery): Promise<EnvironmentAnswer> {
  const manager = scope.db.manager;
  const host = await findHost(manager, query);
  const conditions = environmentConditions(host, query.shell);
  const insights = await insightsFor(manager, host);
  let judgement: Judgement = { verdict: Verdict.OK, reason: 'No command given.' };
  let patterns: FailurePattern[] = [];
  let alternative: string | null = null;
  if (query.command?.trim()) {
    const command = query.command.trim();
    const signature = commandSignature(command);
    const pattern = await manager.findOneBy(FailurePattern, { signature });
    const failuresHere = pattern ? await manager.countBy(CommandRun, { infrastructureId: host.id, failureSignature: signature }) : 0;
    judgement = judge(
      signature.replace(/^cmd:/, ''),
      pattern,
      failuresHere,
      pattern ? sameEnvironment(conditions, pattern.environmentConditions) : [],
    );
    patterns = pattern ? [pattern] : [];
    alternative = judgement.verdict === Verdict.OK ? null : (pattern?.recommendedAlternative ?? knownAlternative(signature));
  }
  const answer = { host, conditions, insights, patterns, ...judgement, alternative };
  return { ...answer, text: render(answer, query.command) };
}
