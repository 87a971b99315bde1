import { Client } from '../../entities/client.entity';
import { PendingTask } from '../../entities/pending-task.entity';
import { Project } from '../../entities/project.entity';
import { Session } from '../../entities/session.entity';
import { addPendingTask, completePendingTask, PENDING_TASK_ORDER, pendingTaskFilter } from '../../src/tracking/pending-task.service';
import { PendingTaskConnection } from '../kit/connections';
import { AddPendingTaskInput, CompletePendingTaskInput, PendingTaskFilterInput } from './pending-task.inputs';
import { belongsTo, inputMutation, listQuery } from '../kit/record-resolvers';
import { agentMay, readers, writers } from '../../src/graphql/access';

/** PendingTask queries and mutations, and the rows it points at. */
export const pendingTaskResolvers = [
  listQuery({
    name: 'pendingTasks',
    access: readers(agentMay.listOwn),
    description: 'Pending tasks across all clients, soonest due first, undated last.',
    entity: PendingTask,
    connection: PendingTaskConnection,
    filterType: PendingTaskFilterInput,
    filterDescription: 'Conditions the tasks must meet.',
    filter: pendingTaskFilter,
    order: PENDING_TASK_ORDER,
  }),
  inputMutation({
    name: 'addPendingTask',
    access: writers(),
    description: 'Adds a pending task.',
    input: AddPendingTaskInput,
    returns: PendingTask,
    run: addPendingTask,
  }),
  inputMutation({
    name: 'completePendingTask',
    access: writers(),
    description: 'Marks a pending task done; completing it again changes nothing.',
    input: CompletePendingTaskInput,
    returns: PendingTask,
    run: completePendingTask,
  }),
  belongsTo({ on: PendingTask, name: 'client', description: 'Client the task is for, if any.', target: Client, key: 'clientId' }),
  belongsTo({ on: PendingTask, name: 'project', description: 'Project the task belongs to, if any.', target: Project, key: 'projectId' }),
  belongsTo({
    on: PendingTask,
    name: 'session',
    description: 'Session in which the task came up, if any.',
    target: Session,
    key: 'sessionId',
  }),
];
