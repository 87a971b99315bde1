import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Audited } from './audited';
import { Infrastructure } from './infrastructure.entity';
import { ForeignKey, TimestampColumn } from './columns';

export enum RelationshipKind {
  RUNS_ON = 'RUNS_ON',
  DEPENDS_ON = 'DEPENDS_ON',
  CONNECTS_TO = 'CONNECTS_TO',
  BACKS_UP = 'BACKS_UP',
}
registerEnumType(RelationshipKind, {
  name: 'RelationshipKind',
  description: 'How one piece of infrastructure relates to another (an edge of the topology, from → to).',
  valuesConfig: {
    RUNS_ON: { description: 'from runs on to (a VM on its host).' },
    DEPENDS_ON: { description: 'from needs to (an app on its database server).' },
    CONNECTS_TO: { description: 'from is wired or linked to to (a switch to the firewall).' },
    BACKS_UP: { description: 'from holds backups of to (a NAS of a server).' },
  },
});

@ObjectType({ description: 'A typed edge of a client’s topology graph.' })
@Audited()
@Entity('infrastructure_relationships')
@Unique('uq_infrastructure_relationships', ['fromId', 'toId', 'kind'])
@Index('ix_infrastructure_relationships_to', ['toId'])
export class InfrastructureRelationship {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID, { description: 'Id of the infrastructure the edge starts at.' })
  @Column('int')
  fromId: number;

  @ForeignKey(() => Infrastructure, 'from_id')
  from?: Relation<Infrastructure>;

  @Field(() => ID, { description: 'Id of the infrastructure the edge points to.' })
  @Column('int')
  toId: number;

  @ForeignKey(() => Infrastructure, 'to_id')
  to?: Relation<Infrastructure>;

  @Field(() => RelationshipKind, { description: 'What the edge means.' })
  @Column('varchar', { length: 20 })
  kind: RelationshipKind;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  @Column('varchar', { length: 1000, nullable: true })
  notes: string | null;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;
}
