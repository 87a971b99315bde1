import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { Client } from '../../entities/client.entity';
import { Machine } from '../../entities/machine.entity';
import { Project } from '../../entities/project.entity';
import { Session } from '../../entities/session.entity';
import { Tag } from '../../entities/tag.entity';
import { Context } from '../../src/graphql/context';
import { PageArgs } from '../../src/pagination/connection';
import { markBilled, unlockBilled } from '../../src/billing/billing.service';
import { endSession, sessionFilter, sessionOrder, startSession, tagSession, updateSession } from '../../src/tracking/session.service';
import { MarkBilledInput, MarkBilledPayload, UnlockBilledInput } from '../billing/billing.inputs';
import { childConnection } from '../kit/child-connection';
import { SessionConnection, WorkItemConnection } from '../kit/connections';
import { EndSessionInput, SessionFilterInput, StartSessionInput, TagSessionInput, UpdateSessionInput } from './session.inputs';
import { SessionBreakdown } from './session-breakdown.types';
import { formatMoney, hoursOf } from '../../src/billing/money';
import { belongsTo, byIdQuery, inputMutation, listQuery } from '../kit/record-resolvers';
import { admins, agentMay, readers, writers } from '../../src/graphql/access';
import { SessionOrder } from '../../src/tracking/session.commands';

@Resolver(() => Session)
class SessionResolver {
  @FieldResolver(() => SessionBreakdown, { description: 'Time per category, billable hours and amount, and counts of what was done.' })
  async breakdown(@Root() session: Session, @Ctx() ctx: Context): Promise<SessionBreakdown> {
    const figures = await ctx.loaders.breakdownOfSession.load(session);
    return { ...figures, billableHours: hoursOf(figures.billableMinutes), amount: formatMoney(figures.amountCents) };
  }

  @FieldResolver(() => WorkItemConnection, { description: 'Work logged in this session, in the order it was logged.' })
  workItems(
    @Root() session: Session,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WorkItemConnection> {
    return childConnection(WorkItemConnection, ctx.loaders.workItemsOfSession, session.id, page, undefined, info);
  }

  @FieldResolver(() => [Tag], { description: 'Tags on the session, by name.' })
  tags(@Root() session: Session, @Ctx() ctx: Context): Promise<Tag[]> {
    return ctx.loaders.tagsOfSession.load(session.id);
  }
}

/** Session queries and mutations, and the rows it points at. */
export const sessionResolvers = [
  SessionResolver,
  byIdQuery({
    name: 'session',
    access: readers(agentMay.readOwnSession),
    description: 'One session by id. NOT_FOUND when it does not exist.',
    entity: Session,
    idDescription: 'Session id.',
    nullable: true,
  }),
  listQuery({
    name: 'sessions',
    access: readers(agentMay.listOwn),
    description: 'Sessions across all clients, most recent first unless orderBy says otherwise.',
    entity: Session,
    connection: SessionConnection,
    filterType: SessionFilterInput,
    filterDescription: 'Conditions the sessions must meet.',
    filter: sessionFilter,
    order: { type: SessionOrder, defaultValue: SessionOrder.STARTED_AT_DESC, order: sessionOrder },
  }),
  inputMutation({
    name: 'startSession',
    access: writers(),
    description: 'Starts a session. Billable defaults to true for MSP and false otherwise.',
    input: StartSessionInput,
    returns: Session,
    run: startSession,
  }),
  inputMutation({
    name: 'endSession',
    access: writers('ownSession'),
    description:
      'Ends an open session and stores its markdown summary: time per category, billable hours and amount, commands and failures, files changed, problems solved (a summary given in the input comes first). CONFLICT when it has already ended.',
    input: EndSessionInput,
    returns: Session,
    run: async (ctx, input) => {
      const session = await endSession(ctx, input);
      ctx.auth.sessionEnded(session.id);
      return session;
    },
  }),
  inputMutation({
    name: 'updateSession',
    access: writers(),
    description: 'Changes a session. LOCKED when it is billed and the change touches its time or billable flag.',
    input: UpdateSessionInput,
    returns: Session,
    run: updateSession,
  }),
  inputMutation({
    name: 'markBilled',
    access: writers(),
    description: 'Marks ended sessions and their work items billed, locking their time and billable flag.',
    input: MarkBilledInput,
    returns: MarkBilledPayload,
    run: markBilled,
  }),
  inputMutation({
    name: 'unlockBilled',
    access: admins,
    description: 'Unlocks a billed session and its work items; the reason is kept in the change log.',
    input: UnlockBilledInput,
    returns: Session,
    run: unlockBilled,
  }),
  inputMutation({
    name: 'tagSession',
    access: writers('ownSession'),
    description: 'Adds tags to a session.',
    input: TagSessionInput,
    returns: Session,
    run: tagSession,
  }),
  belongsTo({ on: Session, name: 'client', description: 'Client worked for; null for NORMAL sessions.', target: Client, key: 'clientId' }),
  belongsTo({ on: Session, name: 'project', description: 'Project worked on, if any.', target: Project, key: 'projectId' }),
  belongsTo({ on: Session, name: 'machine', description: 'Machine the work was done from, if known.', target: Machine, key: 'machineId' }),
];
