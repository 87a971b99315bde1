import { EntityManager } from 'typeorm';
import { CommandRun } from '../../entities/command-run.entity';
import { now } from '../../entities/columns';
import { DatabaseChange } from '../../entities/database-change.entity';
import { Deployment } from '../../entities/deployment.entity';
import { FileChange } from '../../entities/file-change.entity';
import { InfrastructureChange } from '../../entities/infrastructure-change.entity';
import { SessionInfrastructure } from '../../entities/infrastructure-links.entity';
import { Infrastructure } from '../../entities/infrastructure.entity';
import { ProblemSolution } from '../../entities/problem-solution.entity';
import { Project } from '../../entities/project.entity';
import { Session } from '../../entities/session.entity';
import { WorkItem } from '../../entities/work-item.entity';
import { dbTime } from '../database/db-time';
import { BadInputError } from '../core/errors';
import { SortOrder } from '../pagination/sort-order';
import { insertLinks, insertRecord, RecordRules, Referenced, updateRecord } from '../kit/record.service';
import { likeContains, likeSql } from '../kit/text';
import { commandSignature, inferFailureCategory } from '../failure-learning/failure-knowledge';
import { learnFromFailure } from '../failure-learning/failure-learning.service';
import { assertNotInFuture, CLOCK_SKEW_MS } from '../tracking/time-rules';
import { assertSessionOpen } from '../tracking/session-open';
import type {
  CommandFilter,
  LogCommand,
  LogFileChange,
  LogProblemSolution,
  ProblemSolutionFilter,
  RecordDatabaseChange,
  RecordDeployment,
  RecordInfrastructureChange,
  UpdateDeployment,
  UpdateProblemSolution,
} from './work-detail.commands';
import type { Scope } from '../kit/scope';
import { recordEvent } from '../webhooks/outbox';
import { commandFailed } from '../webhooks/payloads';
import { Filter } from '../pagination/filter';

export const COMMAND_ORDER: SortOrder<CommandRun> = { key: 'ranAt', direction: 'DESC' };
export const RECORDED_ORDER = { key: 'createdAt', direction: 'ASC' } as const;

const sessionsOfClient = (a: string) => `${a}.sessionId IN (SELECT s.id FROM sessions s WHERE s.client_id = :clientId)`;

export function commandFilter(filter: CommandFilter = {}): Filter {
  return (qb, a) => {
    if (filter.clientId) qb.andWhere(sessionsOfClient(a), { clientId: Number(filter.clientId) });
    if (filter.sessionId) qb.andWhere(`${a}.sessionId = :sessionId`, { sessionId: Number(filter.sessionId) });
    if (filter.infrastructureId)
      qb.andWhere(`${a}.infrastructureId = :infrastructureId`, { infrastructureId: Number(filter.infrastructureId) });
    if (filter.success != null) qb.andWhere(`${a}.success = :success`, { success: filter.success });
    if (filter.failureCategory) qb.andWhere(`${a}.failureCategory = :failureCategory`, { failureCategory: filter.failureCategory });
    if (filter.ranFrom) qb.andWhere(`${a}.ranAt >= :ranFrom`, { ranFrom: dbTime(filter.ranFrom) });
    if (filter.ranBefore) qb.andWhere(`${a}.ranAt < :ranBefore`, { ranBefore: dbTime(filter.ranBefore) });
  };
}

export function problemSolutionFilter(filter: ProblemSolutionFilter = {}): Filter {
  return (qb, a) => {
    if (filter.clientId) qb.andWhere(sessionsOfClient(a), { clientId: Number(filter.clientId) });
    if (filter.infrastructureId)
      qb.andWhere(`${a}.infrastructureId = :infrastructureId`, { infrastructureId: Number(filter.infrastructureId) });
    if (filter.verified != null) qb.andWhere(`${a}.verified = :verified`, { verified: filter.verified });
    if (filter.search) {
      qb.andWhere(`(${likeSql(`${a}.symptom`, 'search')} OR ${likeSql(`${a}.solution`, 'search')})`, {
        search: likeContains(filter.search),
      });
    }
  };
}

/** The work item must be of the session; infrastructure and project must be of the session's client. */
function assertSameContext(referenced: Referenced): void {
  const session = referenced.sessionId as Session;
  const item = referenced.workItemId as WorkItem | undefined;
  if (item && item.sessionId !== session.id) throw new BadInputError('workItemId', `work item ${item.id} belongs to another session`);
  for (const field of ['infrastructureId', 'projectId'] as const) {
    const row = referenced[field] as Infrastructure | Project | undefined;
    if (row && row.clientId !== session.clientId) throw new BadInputError(field, `belongs to another client than session ${session.id}`);
  }
}

/** Rules every work detail shares; the session is linked to the infrastructure it touched. */
function workDetailRules<T extends { infrastructureId: number | null; sessionId: number }>(
  derive?: RecordRules<T>['derive'],
  after?: RecordRules<T>['after'],
): RecordRules<T> {
  return {
    references: { sessionId: Session, workItemId: WorkItem, infrastructureId: Infrastructure, projectId: Project },
    derive: (columns, referenced, existing) => {
      assertSameContext(referenced);
      if (!existing) assertSessionOpen(referenced.sessionId as Session, 'records');
      return derive?.(columns, referenced, existing);
    },
    after: async (manager: EntityManager, row: T, referenced: Referenced) => {
      await after?.(manager, row, referenced);
      if (row.infrastructureId)
        await insertLinks(manager, SessionInfrastructure, [
          { sessionId: row.sessionId, infrastructureId: row.infrastructureId, createdAt: now() },
        ]);
    },
  };
}

/** A command's time must fall within its open session; when omitted it is now. */
export function logCommand(scope: Scope, input: LogCommand): Promise<CommandRun> {
  if (input.ranAt) assertNotInFuture(input.ranAt, 'ranAt', now());
  if (input.success && input.failureCategory)
    throw new BadInputError('failureCategory', 'only a failed command (success: false) has a failure category');
  return insertRecord(
    scope,
    'logCommand',
    CommandRun,
    input,
    workDetailRules<CommandRun>((_columns, referenced) => {
      const session = referenced.sessionId as Session;
      const ranAt = input.ranAt ?? now();
      if (ranAt.getTime() < session.startedAt.getTime() - CLOCK_SKEW_MS) {
        throw new BadInputError(
          'ranAt',
          `${ranAt.toISOString()} is before session ${session.id} started (${session.startedAt.toISOString()})`,
        );
      }
      if (input.success) return { ranAt };
      return {
        ranAt,
        failureSignature: commandSignature(input.command),
        failureCategory: input.failureCategory ?? inferFailureCategory(input.errorMessage, input.exitCode),
      };
    }, learnFromCommand),
  );
}

/** A failed command teaches failure learning, in the transaction that records it. */
async function learnFromCommand(manager: EntityManager, command: CommandRun, referenced: Referenced): Promise<void> {
  if (command.success || !command.failureSignature) return;
  await recordEvent(manager, 'command.failed', commandFailed(command, (referenced.sessionId as Session).clientId));
  await learnFromFailure(manager, {
    signature: command.failureSignature,
    failureCategory: command.failureCategory,
    at: command.ranAt,
    host: (referenced.infrastructureId as Infrastructure | undefined) ?? null,
    clientId: (referenced.sessionId as Session).clientId,
    shell: command.shell,
    sourceId: command.id,
  });
}

export const logFileChange = (scope: Scope, input: LogFileChange) =>
  insertRecord(scope, 'logFileChange', FileChange, input, workDetailRules());

export const logProblemSolution = (scope: Scope, input: LogProblemSolution) =>
  insertRecord(
    scope,
    'logProblemSolution',
    ProblemSolution,
    input,
    workDetailRules<ProblemSolution>(() => ({ verified: input.verified ?? false })),
  );

export const updateProblemSolution = (scope: Scope, input: UpdateProblemSolution) => updateRecord(scope, ProblemSolution, input);

export const recordInfrastructureChange = (scope: Scope, input: RecordInfrastructureChange) =>
  insertRecord(scope, 'recordInfrastructureChange', InfrastructureChange, input, workDetailRules());

export const updateDeployment = (scope: Scope, input: UpdateDeployment) => updateRecord(scope, Deployment, input);

export const recordDeployment = (scope: Scope, input: RecordDeployment) =>
  insertRecord(scope, 'recordDeployment', Deployment, input, workDetailRules());

export const recordDatabaseChange = (scope: Scope, input: RecordDatabaseChange) =>
  insertRecord(scope, 'recordDatabaseChange', DatabaseChange, input, workDetailRules());
