import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Session } from '../../entities/session.entity';
import { Tag } from '../../entities/tag.entity';
import { WorkItem } from '../../entities/work-item.entity';
import { Context } from '../../src/graphql/context';
import { logWorkItem, updateWorkItem } from '../../src/tracking/work-item.service';
import { LogWorkItemInput, UpdateWorkItemInput } from './work-item.inputs';
import { CategorizeWorkArgs, WorkCategorization } from '../knowledge/categorization.types';
import { categorizeWork, renderCategorization } from '../../src/knowledge/categorizer';
import { belongsTo, inputMutation } from '../kit/record-resolvers';
import { Access, agentMay, readers, writers } from '../../src/graphql/access';

@Resolver(() => WorkItem)
class WorkItemResolver {
  @Access(readers(agentMay.always))
  @Query(() => WorkCategorization, {
    description:
      'Works out the category, tags, commands, files, hosts and technologies of a piece of work from its text, with a one-line description.',
  })
  categorizeWork(@Args(() => CategorizeWorkArgs) args: CategorizeWorkArgs): WorkCategorization {
    const found = categorizeWork(args.text);
    return { ...found, text: renderCategorization(found) };
  }

  @FieldResolver(() => [Tag], { description: 'Tags on the work item, by name.' })
  tags(@Root() item: WorkItem, @Ctx() ctx: Context): Promise<Tag[]> {
    return ctx.loaders.tagsOfWorkItem.load(item.id);
  }
}

/** WorkItem queries and mutations, and the rows it points at. */
export const workItemResolvers = [
  WorkItemResolver,
  inputMutation({
    name: 'logWorkItem',
    access: writers('ownSession'),
    description: "Logs work done in a session; billable defaults to the session's flag.",
    input: LogWorkItemInput,
    returns: WorkItem,
    run: logWorkItem,
  }),
  inputMutation({
    name: 'updateWorkItem',
    access: writers(),
    description: 'Changes a work item. LOCKED when it is billed and the change touches minutes or billable flag.',
    input: UpdateWorkItemInput,
    returns: WorkItem,
    run: updateWorkItem,
  }),
  belongsTo({
    on: WorkItem,
    name: 'session',
    description: 'The session the work belongs to.',
    target: Session,
    key: 'sessionId',
    required: true,
  }),
];
