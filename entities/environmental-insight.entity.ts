import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';
import { Client } from './client.entity';
import { FailurePattern } from './failure-pattern.entity';
import { Infrastructure } from './infrastructure.entity';

@ObjectType({ description: 'Something learned about a client or a host that changes how to work there.' })
@Audited()
@Entity('environmental_insights')
@Index('ix_environmental_insights_client', ['clientId', 'active'])
@Index('ix_environmental_insights_infrastructure', ['infrastructureId', 'active'])
@Index('ix_environmental_insights_pattern', ['failurePatternId', 'infrastructureId'])
export class EnvironmentalInsight {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int', { nullable: true })
  clientId: number | null;

  @ForeignKey(() => Client, 'client_id', { nullable: true })
  client?: Relation<Client> | null;

  @Column('int', { nullable: true })
  infrastructureId: number | null;

  @ForeignKey(() => Infrastructure, 'infrastructure_id', { nullable: true, onDelete: 'SET NULL' })
  infrastructure?: Relation<Infrastructure> | null;

  @Column('int', { nullable: true })
  failurePatternId: number | null;

  @ForeignKey(() => FailurePattern, 'failure_pattern_id', { nullable: true, onDelete: 'SET NULL' })
  failurePattern?: Relation<FailurePattern> | null;

  @Field(() => String, { description: 'The insight, for example "SMB1 only: map drives with net use, not New-PSDrive".' })
  @Column('varchar', { length: 2000 })
  insight: string;

  @Field(() => Int, { description: 'How sure (0 to 100).' })
  @Column('int')
  confidence: number;

  @Field(() => [ID], { description: 'Ids of the commands or failures it was learned from.' })
  @Column('simple-json')
  sourceFailureIds: number[];

  @Field(() => Boolean, { description: 'False once it no longer holds.' })
  @Column('boolean')
  active: boolean;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => Date, { description: 'When it was last changed (UTC).' })
  @TimestampColumn()
  updatedAt: Date;
}
