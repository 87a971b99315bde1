import { EntityManager } from 'typeorm';
import { now } from '../../entities/columns';
import { Client } from '../../entities/client.entity';
import { PendingTask, PendingTaskStatus } from '../../entities/pending-task.entity';
import { Project } from '../../entities/project.entity';
import { Session } from '../../entities/session.entity';
import { BadInputError } from '../core/errors';
import { SortOrder } from '../pagination/sort-order';
import { idempotentWrite } from '../kit/idempotency';
import { findOrFail } from '../kit/find-or-fail';
import type { AddPendingTask, CompletePendingTask, PendingTaskFilter } from './pending-task.commands';
import type { Scope } from '../kit/scope';
import { Filter } from '../pagination/filter';

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
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date)
    throw new BadInputError(field, `${date} is not a calendar date`);
}

/** Fills client and project from the session or project, and checks that all three agree. */
async function resolveOwner(manager: EntityManager, input: AddPendingTask) {
  const session = input.sessionId ? await findOrFail(manager, Session, input.sessionId, 'sessionId') : null;
  const project = input.projectId ? await findOrFail(manager, Project, input.projectId, 'projectId') : null;
  const client = input.clientId ? await findOrFail(manager, Client, input.clientId, 'clientId') : null;
  const clientIds = new Set([client?.id, project?.clientId, session?.clientId].filter((id) => id != null));
  if (clientIds.size > 1) throw new BadInputError('clientId', 'the client, project and session given belong to different clients');
  if (project && session?.projectId && session.projectId !== project.id) {
    throw new BadInputError('projectId', `session ${session.id} belongs to another project, not to project ${project.id}`);
  }
  return {
    clientId: [...clientIds][0] ?? null,
    projectId: project?.id ?? session?.projectId ?? null,
    sessionId: session?.id ?? null,
  };
}

export function addPendingTask(scope: Scope, input: AddPendingTask): Promise<PendingTask> {
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
export function completePendingTask(scope: Scope, input: CompletePendingTask): Promise<PendingTask> {
  return scope.db.transaction(scope, async (manager) => {
    const task = await findOrFail(manager, PendingTask, input.pendingTaskId, 'pendingTaskId', true);
    if (task.status === PendingTaskStatus.DONE) return task;
    task.status = PendingTaskStatus.DONE;
    task.completedAt = now();
    return manager.save(task);
  });
}
