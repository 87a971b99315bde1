import { ObjectType } from 'type-graphql';
import { ChangeLogEntry } from '../entities/change-log-entry.entity';
import { Client } from '../entities/client.entity';
import { PendingTask } from '../entities/pending-task.entity';
import { Project } from '../entities/project.entity';
import { Session } from '../entities/session.entity';
import { WorkItem } from '../entities/work-item.entity';
import { Connection } from '../src/pagination/connection';

@ObjectType({ description: 'A page of clients, ordered by name.' })
export class ClientConnection extends Connection(Client) {}

@ObjectType({ description: 'A page of projects, ordered by name.' })
export class ProjectConnection extends Connection(Project) {}

@ObjectType({ description: 'A page of sessions, most recent first unless asked otherwise.' })
export class SessionConnection extends Connection(Session) {}

@ObjectType({ description: 'A page of work items, in the order they were logged.' })
export class WorkItemConnection extends Connection(WorkItem) {}

@ObjectType({ description: 'A page of pending tasks, soonest due first, undated last.' })
export class PendingTaskConnection extends Connection(PendingTask) {}

@ObjectType({ description: 'A page of changes, oldest first.' })
export class ChangeConnection extends Connection(ChangeLogEntry) {}
