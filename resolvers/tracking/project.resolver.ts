import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { Client } from '../../entities/client.entity';
import { Project } from '../../entities/project.entity';
import { Context } from '../../src/graphql/context';
import { PageArgs } from '../../src/pagination/connection';
import { createProject, updateProject } from '../../src/tracking/project.service';
import { childConnection } from '../kit/child-connection';
import { SessionConnection } from '../kit/connections';
import { CreateProjectInput, UpdateProjectInput } from './project.inputs';
import { SessionFilterInput } from './session.inputs';
import { belongsTo, byIdQuery, inputMutation } from '../kit/record-resolvers';
import { readers, writers } from '../../src/graphql/access';

@Resolver(() => Project)
class ProjectResolver {
  @FieldResolver(() => SessionConnection, { description: 'Sessions on this project, most recent first.' })
  sessions(
    @Root() project: Project,
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => SessionFilterInput, { nullable: true, description: 'Conditions the sessions must meet.' })
    filter?: SessionFilterInput,
  ): Promise<SessionConnection> {
    return childConnection(SessionConnection, ctx.loaders.sessionsOfProject, project.id, page, filter, info);
  }
}

/** Project queries and mutations, and the rows it points at. */
export const projectResolvers = [
  ProjectResolver,
  byIdQuery({
    name: 'project',
    access: readers(),
    description: 'One project by id. NOT_FOUND when it does not exist.',
    entity: Project,
    idDescription: 'Project id.',
    nullable: true,
  }),
  inputMutation({
    name: 'createProject',
    access: writers(),
    description: 'Creates a project for a client. CONFLICT when the client has a project of that name.',
    input: CreateProjectInput,
    returns: Project,
    run: createProject,
  }),
  inputMutation({
    name: 'updateProject',
    access: writers(),
    description: 'Changes a project.',
    input: UpdateProjectInput,
    returns: Project,
    run: updateProject,
  }),
  belongsTo({
    on: Project,
    name: 'client',
    description: 'The client the project is for.',
    target: Client,
    key: 'clientId',
    required: true,
  }),
];
