import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Session } from '../entities/session.entity';
import { Tag } from '../entities/tag.entity';
import { WorkItem } from '../entities/work-item.entity';
import { Context } from '../src/context';
import { logWorkItem, updateWorkItem } from '../src/services/work-item.service';
import { LogWorkItemInput, UpdateWorkItemInput } from './work-item.inputs';
import { CategorizeWorkArgs, WorkCategorization } from './categorization.types';
import { categorizeWork, renderCategorization } from '../src/services/categorizer';
import { INPUT_DESCRIPTION, belongsTo } from './record-resolvers';
import { Access, agentMay, readers, writers } from '../src/auth/access';

@Resolver(() => WorkItem)
class WorkItemResolver {
  @Access(readers(agentMay.always))
  @Query(() => WorkCategorization, { description: 'Works out the category, tags, commands, files, hosts and technologies of a piece of work from its text, with a one-line description.' })
  categorizeWork(@Args(() => CategorizeWorkArgs) args: CategorizeWorkArgs): WorkCategorization {
    const found = categorizeWork(args.text);
    return { ...found, text: renderCategorization(found) };
  }

  @Access(writers('ownSession'))
  @Mutation(() => WorkItem, { description: "Logs work done in a session; billable defaults to the session's flag." })
  logWorkItem(@Ctx() ctx: Context, @Arg('input', () => LogWorkItemInput, { description: INPUT_DESCRIPTION }) input: LogWorkItemInput): Promise<WorkItem> {
    return logWorkItem(ctx, input);
  }

  @Access(writers())
  @Mutation(() => WorkItem, { description: 'Changes a work item. LOCKED when it is billed and the change touches minutes or billable flag.' })
  updateWorkItem(@Ctx() ctx: Context, @Arg('input', () => UpdateWorkItemInput, { description: INPUT_DESCRIPTION }) input: UpdateWorkItemInput): Promise<WorkItem> {
    return updateWorkItem(ctx, input);
  }

  @FieldResolver(() => [Tag], { description: 'Tags on the work item, by name.' })
  tags(@Root() item: WorkItem, @Ctx() ctx: Context): Promise<Tag[]> {
    return ctx.loaders.tagsOfWorkItem.load(item.id);
  }
}

/** WorkItem queries and mutations, and the rows it points at. */
export const workItemResolvers = [
  WorkItemResolver,
  belongsTo({ on: WorkItem, name: 'session', description: 'The session the work belongs to.', target: Session, key: 'sessionId', required: true }),
];
