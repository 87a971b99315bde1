import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Client } from '../entities/client.entity';
import { Machine } from '../entities/machine.entity';
import { Project } from '../entities/project.entity';
import { Session } from '../entities/session.entity';
import { Tag } from '../entities/tag.entity';
import { Context } from '../src/context';
import { NotFoundError } from '../src/core/errors';
import { PageArgs } from '../src/pagination/connection';
import { listConnection } from '../src/pagination/list-query';
import { markBilled, unlockBilled } from '../src/services/billing.service';
import { endSession, sessionFilter, sessionOrder, startSession, tagSession, updateSession } from '../src/services/session.service';
import { MarkBilledInput, MarkBilledPayload, UnlockBilledInput } from './billing.inputs';
import { childConnection } from './child-connection';
import { SessionConnection, WorkItemConnection } from './connections';
import { EndSessionInput, SessionFilterInput, StartSessionInput, TagSessionInput, UpdateSessionInput } from './session.inputs';
import { parseId } from './validators';
import { SessionBreakdown } from './session-breakdown.types';
import { formatMoney, hoursOf } from '../src/services/money';
import { INPUT_DESCRIPTION, belongsTo } from './record-resolvers';
import { Access, admins, agentMay, readers, writers } from '../src/auth/access';
import { SessionOrder } from "../src/services/session.commands";

@Resolver(() => Session)
class SessionResolver {
  @Access(readers(agentMay.readOwnSession))
  @Query(() => Session, { nullable: true, description: 'One session by id. NOT_FOUND when it does not exist.' })
  async session(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Session id.' }) id: string): Promise<Session> {
    const session = await ctx.loaders.byId(Session).load(parseId(id, 'id'));
    if (!session) throw new NotFoundError('Session', id, 'id');
    return session;
  }

  @Access(readers(agentMay.listOwn))
  @Query(() => SessionConnection, { description: 'Sessions across all clients, most recent first unless orderBy says otherwise.' })
  sessions(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => SessionFilterInput, { nullable: true, description: 'Conditions the sessions must meet.' }) filter?: SessionFilterInput,
    @Arg('orderBy', () => SessionOrder, { defaultValue: SessionOrder.STARTED_AT_DESC, description: 'Order of the list.' })
    orderBy?: SessionOrder,
  ): Promise<SessionConnection> {
    return listConnection(SessionConnection, ctx.db.manager, Session, page, sessionOrder(orderBy), sessionFilter(filter));
  }

  @Access(writers())
  @Mutation(() => Session, { description: 'Starts a session. Billable defaults to true for MSP and false otherwise.' })
  startSession(@Ctx() ctx: Context, @Arg('input', () => StartSessionInput, { description: INPUT_DESCRIPTION }) input: StartSessionInput): Promise<Session> {
    return startSession(ctx, input);
  }

  @Access(writers('ownSession'))
  @Mutation(() => Session, {
    description: 'Ends an open session and stores its markdown summary: time per category, billable hours and amount, commands and failures, files changed, problems solved (a summary given in the input comes first). CONFLICT when it has already ended.',
  })
  async endSession(@Ctx() ctx: Context, @Arg('input', () => EndSessionInput, { description: INPUT_DESCRIPTION }) input: EndSessionInput): Promise<Session> {
    const session = await endSession(ctx, input);
    ctx.auth.sessionEnded(session.id);
    return session;
  }

  @FieldResolver(() => SessionBreakdown, { description: 'Time per category, billable hours and amount, and counts of what was done.' })
  async breakdown(@Root() session: Session, @Ctx() ctx: Context): Promise<SessionBreakdown> {
    const figures = await ctx.loaders.breakdownOfSession.load(session);
    return { ...figures, billableHours: hoursOf(figures.billableMinutes), amount: formatMoney(figures.amountCents) };
  }

  @Access(writers())
  @Mutation(() => Session, { description: 'Changes a session. LOCKED when it is billed and the change touches its time or billable flag.' })
  updateSession(@Ctx() ctx: Context, @Arg('input', () => UpdateSessionInput, { description: INPUT_DESCRIPTION }) input: UpdateSessionInput): Promise<Session> {
    return updateSession(ctx, input);
  }

  @Access(writers())
  @Mutation(() => MarkBilledPayload, { description: 'Marks ended sessions and their work items billed, locking their time and billable flag.' })
  markBilled(@Ctx() ctx: Context, @Arg('input', () => MarkBilledInput, { description: INPUT_DESCRIPTION }) input: MarkBilledInput): Promise<MarkBilledPayload> {
    return markBilled(ctx, input);
  }

  @Access(admins)
  @Mutation(() => Session, { description: 'Unlocks a billed session and its work items; the reason is kept in the change log.' })
  unlockBilled(@Ctx() ctx: Context, @Arg('input', () => UnlockBilledInput, { description: INPUT_DESCRIPTION }) input: UnlockBilledInput): Promise<Session> {
    return unlockBilled(ctx, input);
  }

  @Access(writers('ownSession'))
  @Mutation(() => Session, { description: 'Adds tags to a session.' })
  tagSession(@Ctx() ctx: Context, @Arg('input', () => TagSessionInput, { description: INPUT_DESCRIPTION }) input: TagSessionInput): Promise<Session> {
    return tagSession(ctx, input);
  }

  @FieldResolver(() => WorkItemConnection, { description: 'Work logged in this session, in the order it was logged.' })
  workItems(@Root() session: Session, @Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<WorkItemConnection> {
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
  belongsTo({ on: Session, name: 'client', description: 'Client worked for; null for NORMAL sessions.', target: Client, key: 'clientId' }),
  belongsTo({ on: Session, name: 'project', description: 'Project worked on, if any.', target: Project, key: 'projectId' }),
  belongsTo({ on: Session, name: 'machine', description: 'Machine the work was done from, if known.', target: Machine, key: 'machineId' }),
];
