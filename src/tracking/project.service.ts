import { EntityManager } from 'typeorm';
import { Client } from '../../entities/client.entity';
import { now } from '../../entities/columns';
import { Project, ProjectStatus } from '../../entities/project.entity';
import { ConflictError } from '../core/errors';
import { SortOrder } from '../pagination/sort-order';
import { likeContains, likeSql } from '../kit/text';
import { idempotentWrite } from '../kit/idempotency';
import { findOrFail } from '../kit/find-or-fail';
import type { CreateProject, ProjectFilter, UpdateProject } from './project.commands';
import type { Scope } from '../kit/scope';
import { Filter } from '../pagination/filter';

export const PROJECT_ORDER: SortOrder<Project> = { key: 'name', direction: 'ASC' };

export function projectFilter(filter: ProjectFilter = {}): Filter {
  return (qb, alias) => {
    if (filter.status) qb.andWhere(`${alias}.status = :status`, { status: filter.status });
    if (filter.search) qb.andWhere(likeSql(`${alias}.name`, 'search'), { search: likeContains(filter.search) });
  };
}

async function assertNameFree(manager: EntityManager, clientId: number, name: string, exceptId?: number): Promise<void> {
  const qb = manager
    .createQueryBuilder(Project, 'p')
    .where('p.clientId = :clientId AND LOWER(p.name) = :name', { clientId, name: name.toLowerCase() });
  if (exceptId) qb.andWhere('p.id <> :exceptId', { exceptId });
  if (await qb.getExists()) throw new ConflictError(`This client already has a project named "${name}".`, 'name');
}

export function createProject(scope: Scope, input: CreateProject): Promise<Project> {
  return idempotentWrite(scope, 'createProject', input, Project, async (manager) => {
    const client = await findOrFail(manager, Client, input.clientId, 'clientId');
    const name = input.name.trim();
    await assertNameFree(manager, client.id, name);
    const at = now();
    return manager.save(
      manager.create(Project, {
        clientId: client.id,
        name,
        status: input.status ?? ProjectStatus.ACTIVE,
        description: input.description ?? null,
        createdAt: at,
        updatedAt: at,
      }),
    );
  });
}

export function updateProject(scope: Scope, input: UpdateProject): Promise<Project> {
  return scope.db.transaction(scope, async (manager) => {
    const project = await findOrFail(manager, Project, input.id, 'id', true);
    if (input.name != null) {
      project.name = input.name.trim();
      await assertNameFree(manager, project.clientId, project.name, project.id);
    }
    if (input.status != null) project.status = input.status;
    if (input.description !== undefined) project.description = input.description;
    project.updatedAt = now();
    return manager.save(project);
  });
}
