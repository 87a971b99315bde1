import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { Client } from '../../entities/client.entity';
import { Context } from '../../src/graphql/context';
import { PageArgs } from '../../src/pagination/connection';
import { CLIENT_ORDER, clientFilter, createClient, findClient, updateClient } from '../../src/tracking/client.service';
import { childConnection } from '../kit/child-connection';
import { ClientFilterInput, CreateClientInput, UpdateClientInput } from './client.inputs';
import { ClientConnection, PendingTaskConnection, ProjectConnection, SessionConnection } from '../kit/connections';
import { PendingTaskFilterInput } from './pending-task.inputs';
import { ProjectFilterInput } from './project.inputs';
import { SessionFilterInput } from './session.inputs';
import { parseId } from '../kit/validators';
import { inputMutation, listQuery } from '../kit/record-resolvers';
import { Access, agentMay, readers, writers } from '../../src/graphql/access';

@Resolver(() => Client)
class ClientResolver {
  @Access(readers(agentMay.readOwnClient))
  @Query(() => Client, { nullable: true, description: 'One client, by id or by slug. NOT_FOUND when it does not exist.' })
  client(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true, description: 'Client id.' }) id?: string,
    @Arg('slug', () => String, { nullable: true, description: 'Client slug, for example "dataforth".' }) slug?: string,
  ): Promise<Client> {
    return findClient(ctx.db, { id: id ? parseId(id, 'id') : undefined, slug });
  }

  @FieldResolver(() => String, { description: 'Hourly rate as a decimal amount, for example "150.00".' })
  hourlyRate(@Root() client: Client): string {
    return (client.hourlyRateCents / 100).toFixed(2);
  }

  @FieldResolver(() => ProjectConnection, { description: "The client's projects, ordered by name." })
  projects(
    @Root() client: Client,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ProjectFilterInput, { nullable: true, description: 'Conditions the projects must meet.' })
    filter?: ProjectFilterInput,
  ): Promise<ProjectConnection> {
    return childConnection(ProjectConnection, ctx.loaders.projectsOfClient, client.id, page, filter, info);
  }

  @FieldResolver(() => SessionConnection, { description: "The client's sessions, most recent first." })
  sessions(
    @Root() client: Client,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => SessionFilterInput, { nullable: true, description: 'Conditions the sessions must meet.' })
    filter?: SessionFilterInput,
  ): Promise<SessionConnection> {
    return childConnection(SessionConnection, ctx.loaders.sessionsOfClient, client.id, page, filter, info);
  }

  @FieldResolver(() => PendingTaskConnection, { description: "The client's pending tasks, soonest due first." })
  pendingTasks(
    @Root() client: Client,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PendingTaskFilterInput, { nullable: true, description: 'Conditions the tasks must meet.' })
    filter?: PendingTaskFilterInput,
  ): Promise<PendingTaskConnection> {
    return childConnection(PendingTaskConnection, ctx.loaders.pendingTasksOfClient, client.id, page, filter);
  }
}

/** Client queries and mutations, and its fields. */
export const clientResolvers = [
  ClientResolver,
  listQuery({
    name: 'clients',
    access: readers(),
    description: 'Clients, ordered by name.',
    entity: Client,
    connection: ClientConnection,
    filterType: ClientFilterInput,
    filterDescription: 'Conditions the clients must meet.',
    filter: clientFilter,
    order: CLIENT_ORDER,
  }),
  inputMutation({
    name: 'createClient',
    access: writers(),
    description: 'Creates a client. CONFLICT when the name or slug is taken.',
    input: CreateClientInput,
    returns: Client,
    run: createClient,
  }),
  inputMutation({
    name: 'updateClient',
    access: writers(),
    description: 'Changes a client. CONFLICT when the new name or slug is taken.',
    input: UpdateClientInput,
    returns: Client,
    run: updateClient,
  }),
];
