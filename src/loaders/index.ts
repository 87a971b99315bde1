import { ChangeLogEntry } from '../../entities/change-log-entry.entity';
import { Client } from '../../entities/client.entity';
import { Machine } from '../../entities/machine.entity';
import { PendingTask } from '../../entities/pending-task.entity';
import { Project } from '../../entities/project.entity';
import { SessionTag } from '../../entities/session-tag.entity';
import { Session } from '../../entities/session.entity';
import { WorkItemTag } from '../../entities/work-item-tag.entity';
import { WorkItem } from '../../entities/work-item.entity';
import type { PendingTaskFilter } from '../../resolvers/pending-task.inputs';
import type { ProjectFilter } from '../../resolvers/project.inputs';
import type { SessionFilter } from '../../resolvers/session.inputs';
import { Database } from '../database/database';
import { noFilter } from '../pagination/list-query';
import { CHANGE_ORDER, changeFilter } from '../services/change-log.service';
import { PENDING_TASK_ORDER, pendingTaskFilter } from '../services/pending-task.service';
import { PROJECT_ORDER, projectFilter } from '../services/project.service';
import { sessionFilter, sessionOrder } from '../services/session.service';
import { WORK_ITEM_ORDER } from '../services/work-item.service';
import { childList } from './child-connection.loader';
import { entityByIdLoader } from './entity-by-id.loader';
import { tagsLoader } from './tags.loader';

/** Sessions under a parent, most recent first. */
const sessionsBy = (db: Database, parentKey: 'clientId' | 'projectId' | 'machineId') =>
  childList<Session, SessionFilter>(db, { entity: Session, parentKey, order: sessionOrder(), filter: sessionFilter });

/**
 * Every relation the schema resolves, as DataLoaders. Built per request in the context factory,
 * so batches and caches never leak between requests or users.
 */
export function createLoaders(db: Database) {
  return {
    client: entityByIdLoader(db, Client),
    project: entityByIdLoader(db, Project),
    machine: entityByIdLoader(db, Machine),
    session: entityByIdLoader(db, Session),
    projectsOfClient: childList<Project, ProjectFilter>(db, { entity: Project, parentKey: 'clientId', order: PROJECT_ORDER, filter: projectFilter }),
    sessionsOfClient: sessionsBy(db, 'clientId'),
    sessionsOfProject: sessionsBy(db, 'projectId'),
    sessionsOfMachine: sessionsBy(db, 'machineId'),
    workItemsOfSession: childList<WorkItem, undefined>(db, { entity: WorkItem, parentKey: 'sessionId', order: WORK_ITEM_ORDER, filter: () => noFilter }),
    pendingTasksOfClient: childList<PendingTask, PendingTaskFilter>(db, {
      entity: PendingTask,
      parentKey: 'clientId',
      order: PENDING_TASK_ORDER,
      filter: pendingTaskFilter,
    }),
    /** Change log per object; the filter is the object type, so each type is one statement. */
    historyOf: childList<ChangeLogEntry, string>(db, { entity: ChangeLogEntry, parentKey: 'objectId', order: CHANGE_ORDER, filter: changeFilter }),
    tagsOfSession: tagsLoader(db, SessionTag, 'sessionId'),
    tagsOfWorkItem: tagsLoader(db, WorkItemTag, 'workItemId'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
