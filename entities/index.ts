import { ChangeLogEntry } from './change-log-entry.entity';
import { Client } from './client.entity';
import { IdempotencyKey } from './idempotency-key.entity';
import { Machine } from './machine.entity';
import { PendingTask } from './pending-task.entity';
import { Project } from './project.entity';
import { SessionTag } from './session-tag.entity';
import { Session } from './session.entity';
import { Tag } from './tag.entity';
import { WorkItemTag } from './work-item-tag.entity';
import { WorkItem } from './work-item.entity';

/** Every table the data source maps; migrations must match exactly this list. */
export const entities = [Client, Project, Machine, Session, WorkItem, PendingTask, Tag, SessionTag, WorkItemTag, ChangeLogEntry, IdempotencyKey];
