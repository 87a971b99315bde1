import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Client } from '../../entities/client.entity';
import { InfrastructureRelationship, RelationshipKind } from '../../entities/infrastructure-relationship.entity';
import { Infrastructure } from '../../entities/infrastructure.entity';
import { Project } from '../../entities/project.entity';
import { Session } from '../../entities/session.entity';
import { Site } from '../../entities/site.entity';
import { Context } from '../../src/graphql/context';
import { BadInputError } from '../../src/core/errors';
import { childLists } from '../../src/loaders/child-lists';
import {
  attachInfrastructure,
  INFRASTRUCTURE_ORDER,
  infrastructureFilter,
  linkInfrastructure,
  recordInfrastructure,
  updateInfrastructure,
} from '../../src/infrastructure/infrastructure.service';
import { MAX_NEIGHBOUR_DEPTH } from '../../src/infrastructure/topology.service';
import {
  CommandRunConnection,
  FirewallRuleConnection,
  InfrastructureChangeConnection,
  InfrastructureConnection,
  ServiceConnection,
} from '../kit/connections';
import {
  AttachInfrastructureInput,
  InfrastructureFilterInput,
  LinkInfrastructureInput,
  RecordInfrastructureInput,
  UpdateInfrastructureInput,
} from './infrastructure.inputs';
import { archiveMutation, belongsTo, byIdQuery, hasMany, inputMutation, listQuery } from '../kit/record-resolvers';
import { Topology } from './topology.types';
import { agentMay, readers, writers } from '../../src/graphql/access';

@Resolver(() => Infrastructure)
class InfrastructureResolver {
  @FieldResolver(() => Topology, {
    description: `Infrastructure within \`depth\` relationships (1 to ${MAX_NEIGHBOUR_DEPTH}, either direction), itself included.`,
  })
  neighbours(
    @Root() row: Infrastructure,
    @Ctx() ctx: Context,
    @Arg('kind', () => RelationshipKind, { nullable: true, description: 'Follow only edges of this kind.' }) kind?: RelationshipKind,
    @Arg('depth', () => Int, { defaultValue: 1, description: `How many edges away (1 to ${MAX_NEIGHBOUR_DEPTH}).` }) depth: number = 1,
  ): Promise<Topology> {
    if (depth < 1 || depth > MAX_NEIGHBOUR_DEPTH) throw new BadInputError('depth', `must be between 1 and ${MAX_NEIGHBOUR_DEPTH}`);
    return ctx.loaders.neighbours.load({ id: row.id, kind, depth });
  }
}

@Resolver(() => Client)
class ClientTopologyResolver {
  @FieldResolver(() => Topology, { description: 'The client’s active infrastructure and the relationships between it.' })
  topology(@Root() client: Client, @Ctx() ctx: Context): Promise<Topology> {
    return ctx.loaders.topologyOfClient.load(client.id);
  }
}

@Resolver(() => Session)
class SessionInfrastructureResolver {
  @FieldResolver(() => [Infrastructure], { description: 'Infrastructure this session touched, by host name.' })
  infrastructure(@Root() session: Session, @Ctx() ctx: Context): Promise<Infrastructure[]> {
    return ctx.loaders.sessionInfrastructure.load(session.id);
  }
}

@Resolver(() => Project)
class ProjectInfrastructureResolver {
  @FieldResolver(() => [Infrastructure], { description: 'Infrastructure this project involves, by host name.' })
  infrastructure(@Root() project: Project, @Ctx() ctx: Context): Promise<Infrastructure[]> {
    return ctx.loaders.projectInfrastructure.load(project.id);
  }
}

export const infrastructureResolvers = [
  InfrastructureResolver,
  byIdQuery({
    name: 'infrastructure',
    access: readers(),
    description: 'One piece of infrastructure by id. NOT_FOUND when it does not exist.',
    entity: Infrastructure,
    idDescription: 'Infrastructure id.',
    nullable: true,
  }),
  ClientTopologyResolver,
  SessionInfrastructureResolver,
  ProjectInfrastructureResolver,
  listQuery({
    name: 'infrastructures',
    access: readers(agentMay.listOwn),
    description: 'Infrastructure across clients, by host name; archived items only when asked.',
    entity: Infrastructure,
    connection: InfrastructureConnection,
    filterType: InfrastructureFilterInput,
    filter: infrastructureFilter,
    order: INFRASTRUCTURE_ORDER,
  }),
  inputMutation({
    name: 'recordInfrastructure',
    access: writers(),
    description: 'Records a device or system of a client. CONFLICT when the host name is taken.',
    input: RecordInfrastructureInput,
    returns: Infrastructure,
    run: recordInfrastructure,
  }),
  inputMutation({
    name: 'updateInfrastructure',
    access: writers(),
    description: 'Changes infrastructure.',
    input: UpdateInfrastructureInput,
    returns: Infrastructure,
    run: updateInfrastructure,
  }),
  archiveMutation(Infrastructure, 'Infrastructure', 'Archives (decommissions) infrastructure; it keeps its history and leaves the lists.'),
  inputMutation({
    name: 'linkInfrastructure',
    access: writers(),
    description: 'Adds a typed edge to the topology. CONFLICT when it exists.',
    input: LinkInfrastructureInput,
    returns: InfrastructureRelationship,
    run: linkInfrastructure,
  }),
  inputMutation({
    name: 'attachInfrastructure',
    access: writers(),
    description: 'Records that a session touched, or a project involves, the infrastructure.',
    input: AttachInfrastructureInput,
    returns: Infrastructure,
    run: attachInfrastructure,
  }),
  belongsTo({
    on: Infrastructure,
    name: 'client',
    description: 'The client it belongs to.',
    target: Client,
    key: 'clientId',
    required: true,
  }),
  belongsTo({ on: Infrastructure, name: 'site', description: 'The site it stands at, if recorded.', target: Site, key: 'siteId' }),
  belongsTo({
    on: InfrastructureRelationship,
    name: 'from',
    description: 'Where the edge starts.',
    target: Infrastructure,
    key: 'fromId',
    required: true,
  }),
  belongsTo({
    on: InfrastructureRelationship,
    name: 'to',
    description: 'Where the edge points.',
    target: Infrastructure,
    key: 'toId',
    required: true,
  }),
  hasMany({
    on: Infrastructure,
    name: 'services',
    description: 'Active services on it, by name.',
    connection: ServiceConnection,
    spec: childLists.servicesOfInfrastructure,
  }),
  hasMany({
    on: Infrastructure,
    name: 'firewallRules',
    description: 'Active firewall rules on it, by name.',
    connection: FirewallRuleConnection,
    spec: childLists.firewallRulesOfInfrastructure,
  }),
  hasMany({
    on: Infrastructure,
    name: 'commands',
    description: 'Commands run on it, most recent first.',
    connection: CommandRunConnection,
    spec: childLists.commandsOfInfrastructure,
  }),
  hasMany({
    on: Infrastructure,
    name: 'changes',
    description: 'Configuration changes made to it, oldest first.',
    connection: InfrastructureChangeConnection,
    spec: childLists.changesOfInfrastructure,
  }),
  hasMany({
    on: Client,
    name: 'infrastructure',
    description: 'Active infrastructure of the client, by host name.',
    connection: InfrastructureConnection,
    spec: childLists.infrastructureOfClient,
  }),
];
