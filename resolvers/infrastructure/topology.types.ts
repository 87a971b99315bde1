import { Field, ObjectType } from 'type-graphql';
import { InfrastructureRelationship } from '../../entities/infrastructure-relationship.entity';
import { Infrastructure } from '../../entities/infrastructure.entity';

@ObjectType({ description: 'Part of a client’s topology graph: infrastructure (nodes) and typed relationships (edges).' })
export class Topology {
  @Field(() => [Infrastructure], { description: 'The infrastructure, by host name.' })
  nodes: Infrastructure[];

  @Field(() => [InfrastructureRelationship], { description: 'Edges between the nodes.' })
  edges: InfrastructureRelationship[];
}
