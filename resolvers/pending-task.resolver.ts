import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Client } from '../entities/client.entity';
import { PendingTask } from '../entities/pending-task.entity';
import { Project } from '../entities/project.entity';
import { Session } from '../entities/session.entity';
import { Context } from '../src/context';
import { PageArgs } from '../src/pagination/connection';
import { listConnection } from '../src/pagination/list-query';
import { addPendingTask, completePendingTask, PENDING_TASK_ORDER, pendingTaskFilter } from '../src/services/pending-task.service';
import { PendingTaskConnection } from './connections';
import { AddPendingTaskInput, CompletePendingTaskInput, PendingTaskFilterInput } from './pending-task.inputs';
import { INPUT_DESCRIPTION, belongsTo } from './record-resolvers';
import { Access, agentMay, readers, writers } from '../src/auth/access';

@Resolver(() => PendingTask)
class PendingTaskResolver {
  @Access(readers(agentMay.listOwn))
  @Query(() => PendingTaskConnection, { description: 'Pending tasks across all clients, soonest due first, undated last.' })
  pendingTasks(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PendingTaskFilterInput, { nullable: true, description: 'Conditions the tasks must meet.' }) filter?: PendingTaskFilterInput,
  ): Promise<PendingTaskConnection> {
    return listConnection(PendingTaskConnection, ctx.db.manager, PendingTask, page, PENDING_TASK_ORDER, pendingTaskFilter(filter));
  }

  @Access(writers())
  @Mutation(() => PendingTask, { description: 'Adds a pending task.' })
  addPendingTask(@Ctx() ctx: Context, @Arg('input', () => AddPendingTaskInput, { description: INPUT_DESCRIPTION }) input: AddPendingTaskInput): Promise<PendingTask> {
    return addPendingTask(ctx, input);
  }

  @Access(writers())
  @Mutation(() => PendingTask, { description: 'Marks a pending task done; completing it again changes nothing.' })
  completePendingTask(@Ctx() ctx: Context, @Arg('input', () => CompletePendingTaskInput, { description: INPUT_DESCRIPTION }) input: CompletePendingTaskInput): Promise<PendingTask> {
    return completePendingTask(ctx, input);
  }

}

/** PendingTask queries and mutations, and the rows it points at. */
export const pendingTaskResolvers = [
  PendingTaskResolver,
  belongsTo({ on: PendingTask, name: 'client', description: 'Client the task is for, if any.', target: Client, key: 'clientId' }),
  belongsTo({ on: PendingTask, name: 'project', description: 'Project the task belongs to, if any.', target: Project, key: 'projectId' }),
  belongsTo({ on: PendingTask, name: 'session', description: 'Session in which the task came up, if any.', target: Session, key: 'sessionId' }),
];
