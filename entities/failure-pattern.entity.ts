import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Audited } from './audited';
import { TimestampColumn } from './columns';
import { FailureCategory } from './command-run.entity';

@ObjectType({ description: 'A failure seen more than once, normalised: where it happens and what to do instead.' })
@Audited()
@Entity('failure_patterns')
@Index('ix_failure_patterns_last_seen', ['lastSeenAt'])
export class FailurePattern {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'Normalised signature (command or operation with volatile parts removed), unique.' })
  @Column('varchar', { length: 255, unique: true })
  signature: string;

  @Field(() => String, { description: 'What fails.' })
  @Column('varchar', { length: 2000 })
  description: string;

  @Field(() => FailureCategory, { nullable: true, description: 'Why it fails.' })
  @Column('varchar', { length: 20, nullable: true })
  failureCategory: FailureCategory | null;

  @Field(() => [String], { description: 'Conditions under which it fails, for example "PowerShell 2.0", "Windows Server 2008".' })
  @Column('simple-json')
  environmentConditions: string[];

  @Field(() => String, { nullable: true, description: 'What to do instead.' })
  @Column('varchar', { length: 2000, nullable: true })
  recommendedAlternative: string | null;

  @Field(() => Int, { description: 'How many times it was seen.' })
  @Column('int')
  occurrences: number;

  @Field(() => Date, { description: 'First occurrence (UTC).' })
  @TimestampColumn()
  firstSeenAt: Date;

  @Field(() => Date, { description: 'Latest occurrence (UTC).' })
  @TimestampColumn()
  lastSeenAt: Date;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => Date, { description: 'When it was last changed (UTC).' })
  @TimestampColumn()
  updatedAt: Date;
}
