import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Client } from '../entities/client.entity';
import { PendingTask } from '../entities/pending-task.entity';
import { Project } from '../entities/project.entity';
import { Session } from '../entities/session.entity';
import { Context } from '../src/context';
import { PageArgs } from '../src/pagination/connection';
import { listConnection } from '../src/pagination/list-query';
import { addPendingTask, completePendingTask, PENDING_TASK_ORDER, pendingTaskFilter } from '../src/services/pending-task.service';
import { PendingTaskConnection } from './connections';
import { AddPendingTaskInput, CompletePendingTaskInput, PendingTaskFilter } from './pending-task.inputs';

@Resolver(() => PendingTask)
export class PendingTaskResolver {
  @Query(() => PendingTaskConnection, { description: 'Pending tasks across all clients, soonest due first, undated last.' })
  pendingTasks(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PendingTaskFilter, { nullable: true, description: 'Conditions the tasks must meet.' }) filter?: PendingTaskFilter,
  ): Promise<PendingTaskConnection> {
    return listConnection(PendingTaskConnection, ctx.db.manager, PendingTask, page, PENDING_TASK_ORDER, pendingTaskFilter(filter));
  }

  @Mutation(() => PendingTask, { description: 'Adds a pending task.' })
  addPendingTask(@Ctx() ctx: Context, @Arg('input', () => AddPendingTaskInput, { description: 'What to write; see the input type.' }) input: AddPendingTaskInput): Promise<PendingTask> {
    return addPendingTask(ctx, input);
  }

  @Mutation(() => PendingTask, { description: 'Marks a pending task done; completing it again changes nothing.' })
  completePendingTask(@Ctx() ctx: Context, @Arg('input', () => CompletePendingTaskInput, { description: 'What to write; see the input type.' }) input: CompletePendingTaskInput): Promise<PendingTask> {
    return completePendingTask(ctx, input);
  }

  @FieldResolver(() => Client, { nullable: true, description: 'Client the task is for, if any.' })
  client(@Root() task: PendingTask, @Ctx() ctx: Context): Promise<Client | null> | null {
    return task.clientId ? ctx.loaders.byId(Client).load(task.clientId) : null;
  }

  @FieldResolver(() => Project, { nullable: true, description: 'Project the task belongs to, if any.' })
  project(@Root() task: PendingTask, @Ctx() ctx: Context): Promise<Project | null> | null {
    return task.projectId ? ctx.loaders.byId(Project).load(task.projectId) : null;
  }

  @FieldResolver(() => Session, { nullable: true, description: 'Session in which the task came up, if any.' })
  session(@Root() task: PendingTask, @Ctx() ctx: Context): Promise<Session | null> | null {
    return task.sessionId ? ctx.loaders.byId(Session).load(task.sessionId) : null;
  }
}
