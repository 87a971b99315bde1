import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Client } from '../entities/client.entity';
import { Project } from '../entities/project.entity';
import { Context } from '../src/context';
import { NotFoundError } from '../src/core/errors';
import { PageArgs } from '../src/pagination/connection';
import { createProject, updateProject } from '../src/services/project.service';
import { childConnection } from './child-connection';
import { SessionConnection } from './connections';
import { CreateProjectInput, UpdateProjectInput } from './project.inputs';
import { SessionFilterInput } from './session.inputs';
import { parseId } from './validators';
import { INPUT_DESCRIPTION, belongsTo } from './record-resolvers';
import { Access, readers, writers } from '../src/auth/access';

@Resolver(() => Project)
class ProjectResolver {
  @Access(readers())
  @Query(() => Project, { nullable: true, description: 'One project by id. NOT_FOUND when it does not exist.' })
  async project(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Project id.' }) id: string): Promise<Project> {
    const project = await ctx.loaders.byId(Project).load(parseId(id, 'id'));
    if (!project) throw new NotFoundError('Project', id, 'id');
    return project;
  }

  @Access(writers())
  @Mutation(() => Project, { description: 'Creates a project for a client. CONFLICT when the client has a project of that name.' })
  createProject(@Ctx() ctx: Context, @Arg('input', () => CreateProjectInput, { description: INPUT_DESCRIPTION }) input: CreateProjectInput): Promise<Project> {
    return createProject(ctx, input);
  }

  @Access(writers())
  @Mutation(() => Project, { description: 'Changes a project.' })
  updateProject(@Ctx() ctx: Context, @Arg('input', () => UpdateProjectInput, { description: INPUT_DESCRIPTION }) input: UpdateProjectInput): Promise<Project> {
    return updateProject(ctx, input);
  }

  @FieldResolver(() => SessionConnection, { description: 'Sessions on this project, most recent first.' })
  sessions(
    @Root() project: Project,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => SessionFilterInput, { nullable: true, description: 'Conditions the sessions must meet.' }) filter?: SessionFilterInput,
  ): Promise<SessionConnection> {
    return childConnection(SessionConnection, ctx.loaders.sessionsOfProject, project.id, page, filter, info);
  }
}

/** Project queries and mutations, and the rows it points at. */
export const projectResolvers = [
  ProjectResolver,
  belongsTo({ on: Project, name: 'client', description: 'The client the project is for.', target: Client, key: 'clientId', required: true }),
];
