import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from './columns';

@ObjectType({ description: 'One API request: operation, caller, outcome and duration; never variables or secrets.' })
@Entity('api_audit_log')
@Index('ix_api_audit_log_created', ['createdAt'])
@Index('ix_api_audit_log_actor', ['actor', 'createdAt'])
export class ApiAuditEntry {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'Operation name, or "anonymous".' })
  @Column('varchar', { length: 100 })
  operation: string;

  @Field(() => String, { description: 'Who called.' })
  @Column('varchar', { length: 100 })
  actor: string;

  @Field(() => String, { nullable: true, description: 'Client IP address.' })
  @Column('varchar', { length: 64, nullable: true })
  ip: string | null;

  @Field(() => String, { description: 'OK or the error code of the first error.' })
  @Column('varchar', { length: 40 })
  outcome: string;

  @Field(() => Int, { description: 'How long it took, in milliseconds.' })
  @Column('int')
  durationMs: number;

  @Field(() => String, { description: 'Request id.' })
  @Column('varchar', { length: 100 })
  requestId: string;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;
}
