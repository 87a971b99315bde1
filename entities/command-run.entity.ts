import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';
import { Infrastructure } from './infrastructure.entity';
import { Session } from './session.entity';
import { WorkItem } from './work-item.entity';

export enum FailureCategory {
  PERMISSION = 'PERMISSION',
  NOT_FOUND = 'NOT_FOUND',
  SYNTAX = 'SYNTAX',
  NETWORK = 'NETWORK',
  TIMEOUT = 'TIMEOUT',
  COMPATIBILITY = 'COMPATIBILITY',
  DEPENDENCY = 'DEPENDENCY',
  OTHER = 'OTHER',
}
registerEnumType(FailureCategory, {
  name: 'FailureCategory',
  description: 'Why a command or operation failed.',
  valuesConfig: {
    PERMISSION: { description: 'Access denied, elevation needed.' },
    NOT_FOUND: { description: 'Command, file or object not found.' },
    SYNTAX: { description: 'Wrong syntax or parameters.' },
    NETWORK: { description: 'Host unreachable, DNS, firewall.' },
    TIMEOUT: { description: 'Took too long.' },
    COMPATIBILITY: { description: 'Not available on this OS, shell or version (for example a cmdlet missing in PowerShell 2.0).' },
    DEPENDENCY: { description: 'A module, package or service it needs is missing.' },
    OTHER: { description: 'Anything else.' },
  },
});

@ObjectType({ description: 'A command that ran in a session, with its outcome; failures feed failure learning.' })
@Audited()
@Entity('commands_run')
@Index('ix_commands_run_session', ['sessionId', 'ranAt'])
@Index('ix_commands_run_infrastructure', ['infrastructureId', 'ranAt'])
@Index('ix_commands_run_success', ['success', 'ranAt'])
@Index('ix_commands_run_failure_signature', ['failureSignature'])
export class CommandRun {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  sessionId: number;

  @ForeignKey(() => Session, 'session_id', { onDelete: 'CASCADE' })
  session?: Relation<Session>;

  @Column('int', { nullable: true })
  workItemId: number | null;

  @ForeignKey(() => WorkItem, 'work_item_id', { nullable: true, onDelete: 'SET NULL' })
  workItem?: Relation<WorkItem> | null;

  @Column('int', { nullable: true })
  infrastructureId: number | null;

  @ForeignKey(() => Infrastructure, 'infrastructure_id', { nullable: true, onDelete: 'SET NULL' })
  infrastructure?: Relation<Infrastructure> | null;

  @Field(() => String, { nullable: true, description: 'Host it ran on, when not a recorded infrastructure.' })
  @Column('varchar', { length: 255, nullable: true })
  host: string | null;

  @Field(() => String, { nullable: true, description: 'Shell, for example "powershell 5.1" or "bash".' })
  @Column('varchar', { length: 50, nullable: true })
  shell: string | null;

  @Field(() => String, { description: 'The command line as run (secrets must be left out by the caller).' })
  @Column('varchar', { length: 4000 })
  command: string;

  @Field(() => Int, { nullable: true, description: 'Exit code, if known.' })
  @Column('int', { nullable: true })
  exitCode: number | null;

  @Field(() => Boolean, { description: 'Whether it did what was intended.' })
  @Column('boolean')
  success: boolean;

  @Field(() => String, { nullable: true, description: 'The useful part of the output.' })
  @Column('varchar', { length: 4000, nullable: true })
  outputExcerpt: string | null;

  @Field(() => String, { nullable: true, description: 'The error it printed.' })
  @Column('varchar', { length: 4000, nullable: true })
  errorMessage: string | null;

  @Field(() => FailureCategory, { nullable: true, description: 'Why it failed (failures only).' })
  @Column('varchar', { length: 20, nullable: true })
  failureCategory: FailureCategory | null;

  @Field(() => String, {
    nullable: true,
    description: 'Normalised signature of a failure (for example "cmd:get-localuser"), linking it to its failure pattern; null on success.',
  })
  @Column('varchar', { length: 255, nullable: true })
  failureSignature: string | null;

  @Field(() => Int, { nullable: true, description: 'How long it ran, in milliseconds.' })
  @Column('int', { nullable: true })
  durationMs: number | null;

  @Field(() => Date, { description: 'When it ran (UTC).' })
  @TimestampColumn()
  ranAt: Date;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;
}
