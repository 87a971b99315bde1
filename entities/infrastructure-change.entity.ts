import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';
import { Infrastructure } from './infrastructure.entity';
import { Session } from './session.entity';

@ObjectType({ description: 'A configuration change made to infrastructure, with how to roll it back.' })
@Audited()
@Entity('infrastructure_changes')
@Index('ix_infrastructure_changes_infrastructure', ['infrastructureId', 'createdAt'])
@Index('ix_infrastructure_changes_session', ['sessionId'])
export class InfrastructureChange {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  sessionId: number;

  @ForeignKey(() => Session, 'session_id', { onDelete: 'CASCADE' })
  session?: Relation<Session>;

  @Column('int')
  infrastructureId: number;

  @ForeignKey(() => Infrastructure, 'infrastructure_id')
  infrastructure?: Relation<Infrastructure>;

  @Field(() => String, { description: 'What was changed.' })
  @Column('varchar', { length: 2000 })
  description: string;

  @Field(() => String, { nullable: true, description: 'The setting or state before.' })
  @Column('varchar', { length: 4000, nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'The setting or state after.' })
  @Column('varchar', { length: 4000, nullable: true })
  after: string | null;

  @Field(() => String, { nullable: true, description: 'How to undo it.' })
  @Column('varchar', { length: 2000, nullable: true })
  rollbackNote: string | null;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;
}
