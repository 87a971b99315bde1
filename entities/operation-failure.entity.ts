import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';
import { Client } from './client.entity';
import { FailureCategory } from './command-run.entity';
import { Infrastructure } from './infrastructure.entity';
import { Session } from './session.entity';

@ObjectType({ description: 'A failure that was not a single command: an install, a migration, a GUI step.' })
@Audited()
@Entity('operation_failures')
@Index('ix_operation_failures_client', ['clientId', 'occurredAt'])
@Index('ix_operation_failures_infrastructure', ['infrastructureId'])
@Index('ix_operation_failures_signature', ['failureSignature'])
export class OperationFailure {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int', { nullable: true })
  sessionId: number | null;

  @ForeignKey(() => Session, 'session_id', { nullable: true, onDelete: 'SET NULL' })
  session?: Relation<Session> | null;

  @Column('int', { nullable: true })
  clientId: number | null;

  @ForeignKey(() => Client, 'client_id', { nullable: true })
  client?: Relation<Client> | null;

  @Column('int', { nullable: true })
  infrastructureId: number | null;

  @ForeignKey(() => Infrastructure, 'infrastructure_id', { nullable: true, onDelete: 'SET NULL' })
  infrastructure?: Relation<Infrastructure> | null;

  @Field(() => String, { description: 'What was attempted, for example "Install Veeam agent".' })
  @Column('varchar', { length: 200 })
  operation: string;

  @Field(() => String, { description: 'What happened.' })
  @Column('varchar', { length: 2000 })
  description: string;

  @Field(() => String, { nullable: true, description: 'The error shown.' })
  @Column('varchar', { length: 4000, nullable: true })
  errorMessage: string | null;

  @Field(() => FailureCategory, { nullable: true, description: 'Why it failed.' })
  @Column('varchar', { length: 20, nullable: true })
  failureCategory: FailureCategory | null;

  @Field(() => String, {
    nullable: true,
    description: 'Normalised signature of the operation (for example "op:install veeam agent"), linking it to its failure pattern.',
  })
  @Column('varchar', { length: 255, nullable: true })
  failureSignature: string | null;

  @Field(() => Date, { description: 'When it failed (UTC).' })
  @TimestampColumn()
  occurredAt: Date;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;
}
