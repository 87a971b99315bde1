import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Session } from '../entities/session.entity';
import { Tag } from '../entities/tag.entity';
import { WorkItem } from '../entities/work-item.entity';
import { Context } from '../src/context';
import { logWorkItem, updateWorkItem } from '../src/services/work-item.service';
import { LogWorkItemInput, UpdateWorkItemInput } from './work-item.inputs';

@Resolver(() => WorkItem)
export class WorkItemResolver {
  @Mutation(() => WorkItem, { description: "Logs work done in a session; billable defaults to the session's flag." })
  logWorkItem(@Ctx() ctx: Context, @Arg('input', () => LogWorkItemInput, { description: 'What to write; see the input type.' }) input: LogWorkItemInput): Promise<WorkItem> {
    return logWorkItem(ctx, input);
  }

  @Mutation(() => WorkItem, { description: 'Changes a work item. LOCKED when it is billed and the change touches minutes or billable flag.' })
  updateWorkItem(@Ctx() ctx: Context, @Arg('input', () => UpdateWorkItemInput, { description: 'What to write; see the input type.' }) input: UpdateWorkItemInput): Promise<WorkItem> {
    return updateWorkItem(ctx, input);
  }

  @FieldResolver(() => Session, { description: 'The session the work belongs to.' })
  async session(@Root() item: WorkItem, @Ctx() ctx: Context): Promise<Session> {
    return (await ctx.loaders.byId(Session).load(item.sessionId))!;
  }

  @FieldResolver(() => [Tag], { description: 'Tags on the work item, by name.' })
  tags(@Root() item: WorkItem, @Ctx() ctx: Context): Promise<Tag[]> {
    return ctx.loaders.tagsOfWorkItem.load(item.id);
  }
}
