import DataLoader from 'dataloader';
import { EntityTarget, ObjectLiteral } from 'typeorm';
import { ChangeLogEntry } from '../../entities/change-log-entry.entity';
import { ProjectInfrastructure, SessionInfrastructure } from '../../entities/infrastructure-links.entity';
import { RelationshipKind } from '../../entities/infrastructure-relationship.entity';
import { Infrastructure } from '../../entities/infrastructure.entity';
import { PendingTask } from '../../entities/pending-task.entity';
import { Project } from '../../entities/project.entity';
import { SessionTag } from '../../entities/session-tag.entity';
import { Session } from '../../entities/session.entity';
import { WorkItemTag } from '../../entities/work-item-tag.entity';
import { WorkItem } from '../../entities/work-item.entity';
import { Database } from '../database/database';
import { CHANGE_ORDER, changeFilter } from '../admin/change-log.service';
import { PENDING_TASK_ORDER, pendingTaskFilter } from '../tracking/pending-task.service';
import { PROJECT_ORDER, projectFilter } from '../tracking/project.service';
import { sessionFilter, sessionOrder } from '../tracking/session.service';
import { WORK_ITEM_ORDER } from '../tracking/work-item.service';
import { attachedInfrastructure } from '../infrastructure/infrastructure.service';
import { clientTopologies, neighbourhoods, TopologyGraph } from '../infrastructure/topology.service';
import { SessionBreakdown, sessionBreakdowns } from '../tracking/session-summary.service';
import { ChildList, childList, ChildListSpec, groupBy } from './child-connection.loader';
import { entityByIdLoader } from './entity-by-id.loader';
import { tagsLoader } from './tags.loader';
import { prepaidLoader } from '../billing/prepaid.service';
import type { PendingTaskFilter } from '../tracking/pending-task.commands';
import type { ProjectFilter } from '../tracking/project.commands';
import type { SessionFilter } from '../tracking/session.commands';
import { noFilter } from '../pagination/filter';

interface NeighbourKey {
  id: number;
  kind?: RelationshipKind;
  depth: number;
}

/** Sessions under a parent, most recent first. */
const sessionsBy = (db: Database, parentKey: 'clientId' | 'projectId' | 'machineId') =>
  childList<Session, SessionFilter>(db, { entity: Session, parentKey, order: sessionOrder(), filter: sessionFilter, heavy: ['summary'] });

/**
 * Every relation the schema resolves, as DataLoaders. Built per request in the context factory,
 * so batches and caches never leak between requests or users.
 */
export function createLoaders(db: Database) {
  const byIdLoaders = new Map<EntityTarget<unknown>, unknown>();
  const childLists = new Map<ChildListSpec<never, never>, unknown>();
  return {
    /** Rows of any table by id, one loader per table. */
    byId<T extends ObjectLiteral & { id: number }>(entity: EntityTarget<T>): DataLoader<number, T | null> {
      if (!byIdLoaders.has(entity)) byIdLoaders.set(entity, entityByIdLoader(db, entity));
      return byIdLoaders.get(entity) as DataLoader<number, T | null>;
    },
    /** Any child list described by a (module-level, so identical) spec. */
    children<T extends ObjectLiteral & { id: number }, F>(spec: ChildListSpec<T, F>): ChildList<T, F> {
      const key = spec as unknown as ChildListSpec<never, never>;
      if (!childLists.has(key)) childLists.set(key, childList(db, spec));
      return childLists.get(key) as ChildList<T, F>;
    },
    projectsOfClient: childList<Project, ProjectFilter>(db, {
      entity: Project,
      parentKey: 'clientId',
      order: PROJECT_ORDER,
      filter: projectFilter,
      heavy: ['description'],
    }),
    sessionsOfClient: sessionsBy(db, 'clientId'),
    sessionsOfProject: sessionsBy(db, 'projectId'),
    sessionsOfMachine: sessionsBy(db, 'machineId'),
    workItemsOfSession: childList<WorkItem, undefined>(db, {
      entity: WorkItem,
      parentKey: 'sessionId',
      order: WORK_ITEM_ORDER,
      filter: () => noFilter,
      heavy: ['description'],
    }),
    pendingTasksOfClient: childList<PendingTask, PendingTaskFilter>(db, {
      entity: PendingTask,
      parentKey: 'clientId',
      order: PENDING_TASK_ORDER,
      filter: pendingTaskFilter,
    }),
    /** Change log per object; the filter is the object type, so each type is one statement. */
    historyOf: childList<ChangeLogEntry, string>(db, {
      entity: ChangeLogEntry,
      parentKey: 'objectId',
      order: CHANGE_ORDER,
      filter: changeFilter,
    }),
    /** Time, money and work-detail counts of sessions, a fixed number of grouped statements per batch. */
    breakdownOfSession: new DataLoader<Session, SessionBreakdown, number>((sessions) => sessionBreakdowns(db.manager, sessions), {
      cacheKeyFn: (s) => s.id,
    }),
    /** Prepaid balance and consumption per client, two grouped statements per batch. */
    prepaidOfClient: prepaidLoader(db),
    topologyOfClient: new DataLoader<number, TopologyGraph>((clientIds) => clientTopologies(db.manager, clientIds)),
    /** Neighbourhoods; keys with the same kind and depth share their statements. */
    neighbours: new DataLoader<NeighbourKey, TopologyGraph, string>(
      async (keys) => {
        const results = new Map<NeighbourKey, TopologyGraph>();
        for (const group of groupBy(keys, (k) => `${k.kind}:${k.depth}`).values()) {
          const graphs = await neighbourhoods(
            db.manager,
            group.map((k) => k.id),
            group[0].kind,
            group[0].depth,
          );
          group.forEach((key, i) => results.set(key, graphs[i]));
        }
        return keys.map((key) => results.get(key)!);
      },
      { cacheKeyFn: (key) => JSON.stringify([key.id, key.kind, key.depth]) },
    ),
    sessionInfrastructure: new DataLoader<number, Infrastructure[]>((ids) =>
      attachedInfrastructure(db.manager, SessionInfrastructure, 'sessionId', ids),
    ),
    projectInfrastructure: new DataLoader<number, Infrastructure[]>((ids) =>
      attachedInfrastructure(db.manager, ProjectInfrastructure, 'projectId', ids),
    ),
    tagsOfSession: tagsLoader(db, SessionTag, 'sessionId'),
    tagsOfWorkItem: tagsLoader(db, WorkItemTag, 'workItemId'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
