import { Client } from '../../entities/client.entity';
import { now } from '../../entities/columns';
import { EnvironmentalInsight } from '../../entities/environmental-insight.entity';
import { FailurePattern } from '../../entities/failure-pattern.entity';
import { Infrastructure } from '../../entities/infrastructure.entity';
import { OperationFailure } from '../../entities/operation-failure.entity';
import { Session } from '../../entities/session.entity';
import { BadInputError, ConflictError } from '../core/errors';
import { SortOrder } from '../pagination/sort-order';
import { insertRecord, Referenced, updateRecord } from '../kit/record.service';
import { likeContains, likeSql } from '../kit/text';
import { inferFailureCategory, operationSignature } from './failure-knowledge';
import { learnFromFailure } from './failure-learning.service';
import { assertNotInFuture } from '../tracking/time-rules';
import type {
  EnvironmentalInsightFilter,
  FailurePatternFilter,
  LogOperationFailure,
  OperationFailureFilter,
  RecordEnvironmentalInsight,
  RecordFailurePattern,
  UpdateEnvironmentalInsight,
  UpdateFailurePattern,
} from './failure.commands';
import type { Scope } from '../kit/scope';
import { Filter } from '../pagination/filter';

export const PATTERN_ORDER: SortOrder<FailurePattern> = { key: 'lastSeenAt', direction: 'DESC' };
export const INSIGHT_ORDER: SortOrder<EnvironmentalInsight> = { key: 'confidence', direction: 'DESC' };
export const OPERATION_FAILURE_ORDER: SortOrder<OperationFailure> = { key: 'occurredAt', direction: 'DESC' };

export function failurePatternFilter(filter: FailurePatternFilter = {}): Filter {
  return (qb, a) => {
    if (filter.failureCategory) qb.andWhere(`${a}.failureCategory = :failureCategory`, { failureCategory: filter.failureCategory });
    if (filter.search) {
      qb.andWhere(`(${likeSql(`${a}.signature`, 'search')} OR ${likeSql(`${a}.description`, 'search')})`, {
        search: likeContains(filter.search),
      });
    }
  };
}

export function operationFailureFilter(filter: OperationFailureFilter = {}): Filter {
  return (qb, a) => {
    if (filter.clientId) qb.andWhere(`${a}.clientId = :clientId`, { clientId: Number(filter.clientId) });
    if (filter.infrastructureId)
      qb.andWhere(`${a}.infrastructureId = :infrastructureId`, { infrastructureId: Number(filter.infrastructureId) });
    if (filter.failureCategory) qb.andWhere(`${a}.failureCategory = :failureCategory`, { failureCategory: filter.failureCategory });
  };
}

export function insightFilter(filter: EnvironmentalInsightFilter = {}): Filter {
  return (qb, a) => {
    qb.andWhere(`${a}.active = :active`, { active: filter.active ?? true });
    if (filter.clientId) qb.andWhere(`${a}.clientId = :clientId`, { clientId: Number(filter.clientId) });
    if (filter.infrastructureId)
      qb.andWhere(`${a}.infrastructureId = :infrastructureId`, { infrastructureId: Number(filter.infrastructureId) });
  };
}

/** The client of a row that may name a client, a session and a host: all given ones must agree. */
function agreedClient(referenced: Referenced, clientId: unknown): number | null {
  const candidates = [
    clientId as number | undefined,
    (referenced.sessionId as Session | undefined)?.clientId,
    (referenced.infrastructureId as Infrastructure | undefined)?.clientId,
  ];
  const known = [...new Set(candidates.filter((id): id is number => id != null))];
  if (known.length > 1) throw new BadInputError('clientId', 'the client, session and infrastructure given belong to different clients');
  return known[0] ?? null;
}

export function logOperationFailure(scope: Scope, input: LogOperationFailure): Promise<OperationFailure> {
  const occurredAt = input.occurredAt ?? now();
  assertNotInFuture(occurredAt, 'occurredAt', now());
  return insertRecord(scope, 'logOperationFailure', OperationFailure, input, {
    references: { sessionId: Session, clientId: Client, infrastructureId: Infrastructure },
    derive: (columns, referenced) => ({
      clientId: agreedClient(referenced, columns.clientId),
      occurredAt,
      failureSignature: operationSignature(input.operation),
      failureCategory: input.failureCategory ?? inferFailureCategory(input.errorMessage),
    }),
    after: async (manager, failure, referenced) => {
      await learnFromFailure(manager, {
        signature: failure.failureSignature!,
        failureCategory: failure.failureCategory,
        at: failure.occurredAt,
        host: (referenced.infrastructureId as Infrastructure | undefined) ?? null,
        clientId: failure.clientId,
        shell: null,
        sourceId: failure.id,
      });
    },
  });
}

export function recordFailurePattern(scope: Scope, input: RecordFailurePattern): Promise<FailurePattern> {
  const at = now();
  return insertRecord<FailurePattern, RecordFailurePattern>(scope, 'recordFailurePattern', FailurePattern, input, {
    check: async (manager) => {
      if (await manager.existsBy(FailurePattern, { signature: input.signature.trim() })) {
        throw new ConflictError(`A pattern with signature "${input.signature.trim()}" exists; update it instead.`, 'signature');
      }
    },
    derive: () => ({ environmentConditions: input.environmentConditions ?? [], occurrences: 0, firstSeenAt: at, lastSeenAt: at }),
  });
}

export const updateFailurePattern = (scope: Scope, input: UpdateFailurePattern) => updateRecord(scope, FailurePattern, input);

export function recordEnvironmentalInsight(scope: Scope, input: RecordEnvironmentalInsight): Promise<EnvironmentalInsight> {
  if (!input.clientId && !input.infrastructureId) throw new BadInputError('clientId', 'an insight is about a client, a host or both');
  return insertRecord(scope, 'recordEnvironmentalInsight', EnvironmentalInsight, input, {
    references: { clientId: Client, infrastructureId: Infrastructure },
    derive: (columns, referenced) => ({
      clientId: agreedClient(referenced, columns.clientId),
      sourceFailureIds: (input.sourceFailureIds ?? []).map(Number),
      active: true,
    }),
  });
}

export const updateEnvironmentalInsight = (scope: Scope, input: UpdateEnvironmentalInsight) =>
  updateRecord(scope, EnvironmentalInsight, input);
