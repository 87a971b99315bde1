import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ForeignKey, TimestampColumn } from './columns';
import { Integration } from './integration.entity';
import { Session } from './session.entity';

export enum IntegrationOutcome {
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  RETRIED = 'RETRIED',
}
registerEnumType(IntegrationOutcome, {
  name: 'IntegrationOutcome',
  description: 'How an outbound call went.',
  valuesConfig: {
    SUCCEEDED: { description: 'Done.' },
    FAILED: { description: 'Refused or failed; not retried.' },
    RETRIED: { description: 'Failed and retried later.' },
  },
});

@ObjectType({ description: 'One outbound call to an external system (a PSA such as SyncroMSP) and how it went.' })
@Entity('external_integrations')
@Index('ix_external_integrations_provider', ['provider', 'createdAt'])
@Index('ix_external_integrations_session', ['sessionId'])
@Index('ix_external_integrations_integration', ['integrationId', 'createdAt'])
export class ExternalIntegrationCall {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'Provider, for example "syncro".' })
  @Column('varchar', { length: 50 })
  provider: string;

  @Field(() => String, { description: 'What was attempted, for example "post_comment".' })
  @Column('varchar', { length: 100 })
  action: string;

  @Field(() => String, { nullable: true, description: 'What was sent, summarised (no secrets).' })
  @Column('varchar', { length: 2000, nullable: true })
  requestSummary: string | null;

  @Field(() => Int, { nullable: true, description: 'HTTP status received, if any.' })
  @Column('int', { nullable: true })
  responseStatus: number | null;

  @Field(() => IntegrationOutcome, { description: 'How it went.' })
  @Column('varchar', { length: 20 })
  outcome: IntegrationOutcome;

  @Field(() => Int, { nullable: true, description: 'How long it took, in milliseconds.' })
  @Column('int', { nullable: true })
  durationMs: number | null;

  @Field(() => String, { nullable: true, description: 'The PSA ticket (internal id) the call was about, if any.' })
  @Column('varchar', { length: 100, nullable: true })
  ticketId: string | null;

  @Field(() => String, { nullable: true, description: 'The x-request-id of the API request that made the call.' })
  @Column('varchar', { length: 100, nullable: true })
  requestId: string | null;

  @Column('int', { nullable: true })
  integrationId: number | null;

  @ForeignKey(() => Integration, 'integration_id', { nullable: true, onDelete: 'SET NULL' })
  integration?: Relation<Integration> | null;

  @Column('int', { nullable: true })
  sessionId: number | null;

  @ForeignKey(() => Session, 'session_id', { nullable: true, onDelete: 'SET NULL' })
  session?: Relation<Session> | null;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;
}
