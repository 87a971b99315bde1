import { EntityManager } from 'typeorm';
import { now } from '../../entities/columns';
import { PendingTask, PendingTaskStatus } from '../../entities/pending-task.entity';
import type { AddPendingTaskInput, CompletePendingTaskInput, PendingTaskFilter } from '../../resolvers/pending-task.inputs';
import type { Scope } from '../context';
import { BadInputError, NotFoundError } from '../errors';
import { Filter } from '../pagination/list-query';
import { SortOrder } from '../pagination/sort-order';
import { getClient } from './client.service';
import { getProject } from './project.service';
import { getSession } from './session.service';
import { idempotentWrite } from './idempotency';

/** Soonest due first; tasks without a due date last; then oldest first. */
export const PENDING_TASK_ORDER: SortOrder<PendingTask> = { key: 'dueDate', direction: 'ASC', nullsAs: '9999-12-31' };

export function pendingTaskFilter(filter: PendingTaskFilter = {}): Filter {
  return (qb, a) => {
    if (filter.clientId) qb.andWhere(`${a}.clientId = :clientId`, { clientId: Number(filter.clientId) });
    if (filter.projectId) qb.andWhere(`${a}.projectId = :projectId`, { projectId: Number(filter.projectId) });
    if (filter.sessionId) qb.andWhere(`${a}.sessionId = :sessionId`, { sessionId: Number(filter.sessionId) });
    if (filter.status) qb.andWhere(`${a}.status = :status`, { status: filter.status });
    if (filter.dueOnOrBefore) qb.andWhere(`${a}.dueDate <= :dueOnOrBefore`, { dueOnOrBefore: filter.dueOnOrBefore });
  };
}

function assertRealDate(date: string, field: string): void {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) throw new BadInputError(field, `${date} is not a calendar date`);
}

/** Fills client and project from the session or project, and checks that all three agree. */
async function resolveOwner(manager: EntityManager, input: AddPendingTaskInput) {
  const session = input.sessionId ? await getSession(manager, Number(input.sessionId), 'sessionId') : null;
  const project = input.projectId ? await getProject(manager, Number(input.projectId), 'projectId') : null;
  const client = input.clientId ? await getClient(manager, Number(input.clientId), 'clientId') : null;
  const clientIds = new Set([client?.id, project?.clientId, session?.clientId].filter((id) => id != null));
  if (clientIds.size > 1) throw new BadInputError('clientId', 'the client, project and session given belong to different clients');
  return {
    clientId: [...clientIds][0] ?? null,
    projectId: project?.id ?? session?.projectId ?? null,
    sessionId: session?.id ?? null,
  };
}

export function addPendingTask(scope: Scope, input: AddPendingTaskInput): Promise<PendingTask> {
  if (input.dueDate) assertRealDate(input.dueDate, 'dueDate');
  return idempotentWrite(scope, 'addPendingTask', input, PendingTask, async (manager) => {
    const owner = await resolveOwner(manager, input);
    return manager.save(
      manager.create(PendingTask, {
        ...owner,
        title: input.title.trim(),
        notes: input.notes ?? null,
        status: PendingTaskStatus.OPEN,
        dueDate: input.dueDate ?? null,
        completedAt: null,
        createdAt: now(),
      }),
    );
  });
}

/** Completing a task twice is harmless: the first completion time stays. */
export function completePendingTask(scope: Scope, input: CompletePendingTaskInput): Promise<PendingTask> {
  return scope.db.transaction(scope, async (manager) => {
    const task = await manager.findOneBy(PendingTask, { id: Number(input.pendingTaskId) });
    if (!task) throw new NotFoundError('PendingTask', input.pendingTaskId, 'pendingTaskId');
    if (task.status === PendingTaskStatus.DONE) return task;
    task.status = PendingTaskStatus.DONE;
    task.completedAt = now();
    return manager.save(task);
  });
}
