import { IsBoolean, IsEnum, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { FailureCategory } from '../../entities/command-run.entity';
import { DeploymentStatus } from '../../entities/deployment.entity';
import { FileChangeKind } from '../../entities/file-change.entity';
import { IdempotentInput } from '../kit/idempotent.input';
import { IsId, NotBlank } from '../kit/validators';
import type {
  LogCommand,
  LogFileChange,
  LogProblemSolution,
  UpdateProblemSolution,
  RecordInfrastructureChange,
  RecordDeployment,
  RecordDatabaseChange,
  CommandFilter,
  ProblemSolutionFilter,
  UpdateDeployment,
} from '../../src/work-details/work-detail.commands';

/** Where a piece of work happened: its session, optionally the work item and the infrastructure. */
@InputType('WorkDetailInput')
class WorkDetailInput extends IdempotentInput {
  @Field(() => ID, { description: 'The session it happened in.' })
  @IsId()
  sessionId: string;

  @Field(() => ID, { nullable: true, description: 'The work item it belongs to (of the same session).' })
  @IsOptional()
  @IsId()
  workItemId?: string;

  @Field(() => ID, { nullable: true, description: 'The infrastructure it touched (of the session’s client); the session is linked to it.' })
  @IsOptional()
  @IsId()
  infrastructureId?: string;
}

@InputType({ description: 'A command that ran, and how it went.' })
export class LogCommandInput extends WorkDetailInput implements LogCommand {
  @Field(() => String, { description: 'The command line (1 to 4000 characters); leave secrets out.' })
  @NotBlank()
  @MaxLength(4000)
  command: string;

  @Field(() => String, { nullable: true, description: 'Host it ran on, when it is not recorded infrastructure (up to 255 characters).' })
  @IsOptional()
  @MaxLength(255)
  host?: string;

  @Field(() => String, { nullable: true, description: 'Shell and version, for example "powershell 2.0" (up to 50 characters).' })
  @IsOptional()
  @MaxLength(50)
  shell?: string;

  @Field(() => Boolean, { description: 'Whether it did what was intended.' })
  @IsBoolean()
  success: boolean;

  @Field(() => Int, { nullable: true, description: 'Exit code (-2147483648 to 2147483647).' })
  @IsOptional()
  @IsInt()
  exitCode?: number;

  @Field(() => String, { nullable: true, description: 'The useful part of the output (up to 4000 characters).' })
  @IsOptional()
  @MaxLength(4000)
  outputExcerpt?: string;

  @Field(() => String, { nullable: true, description: 'The error it printed (up to 4000 characters).' })
  @IsOptional()
  @MaxLength(4000)
  errorMessage?: string;

  @Field(() => FailureCategory, { nullable: true, description: 'Why it failed; only with success: false.' })
  @IsOptional()
  @IsEnum(FailureCategory)
  failureCategory?: FailureCategory;

  @Field(() => Int, { nullable: true, description: 'Run time in milliseconds (0 to 86400000).' })
  @IsOptional()
  @Min(0)
  @Max(86_400_000)
  durationMs?: number;

  @Field(() => Date, { nullable: true, description: 'When it ran; now when omitted; not in the future.' })
  @IsOptional()
  ranAt?: Date;
}

@InputType({ description: 'A file created, changed, deleted or renamed.' })
export class LogFileChangeInput extends WorkDetailInput implements LogFileChange {
  @Field(() => String, { description: 'Full path (1 to 1000 characters).' })
  @NotBlank()
  @MaxLength(1000)
  path: string;

  @Field(() => FileChangeKind, { description: 'What happened to it.' })
  @IsEnum(FileChangeKind)
  kind: FileChangeKind;

  @Field(() => String, { nullable: true, description: 'What changed and why (up to 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  summary?: string;
}

@InputType({ description: 'A problem and its solution.' })
export class LogProblemSolutionInput extends WorkDetailInput implements LogProblemSolution {
  @Field(() => String, { description: 'What was seen (1 to 2000 characters).' })
  @NotBlank()
  @MaxLength(2000)
  symptom: string;

  @Field(() => String, { nullable: true, description: 'Why it happened (up to 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  rootCause?: string;

  @Field(() => String, { description: 'What fixed it (1 to 4000 characters).' })
  @NotBlank()
  @MaxLength(4000)
  solution: string;

  @Field(() => Boolean, { nullable: true, description: 'Whether the fix was confirmed; false when omitted.' })
  @IsOptional()
  @IsBoolean()
  verified?: boolean;
}

@InputType({ description: 'Changes to a problem solution, for example once it is verified.' })
export class UpdateProblemSolutionInput implements UpdateProblemSolution {
  @Field(() => ID, { description: 'The problem solution.' })
  @IsId()
  id: string;

  @Field(() => String, { nullable: true, description: 'New root cause.' })
  @IsOptional()
  @MaxLength(2000)
  rootCause?: string;

  @Field(() => String, { nullable: true, description: 'New solution.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(4000)
  solution?: string;

  @Field(() => Boolean, { nullable: true, description: 'Confirmed or not.' })
  @IsOptional()
  @IsBoolean()
  verified?: boolean;
}

@InputType({ description: 'A configuration change to infrastructure.' })
export class RecordInfrastructureChangeInput extends IdempotentInput implements RecordInfrastructureChange {
  @Field(() => ID, { description: 'The session it was made in.' })
  @IsId()
  sessionId: string;

  @Field(() => ID, { description: 'The infrastructure changed (of the session’s client).' })
  @IsId()
  infrastructureId: string;

  @Field(() => String, { description: 'What was changed (1 to 2000 characters).' })
  @NotBlank()
  @MaxLength(2000)
  description: string;

  @Field(() => String, { nullable: true, description: 'State before (up to 4000 characters).' })
  @IsOptional()
  @MaxLength(4000)
  before?: string;

  @Field(() => String, { nullable: true, description: 'State after (up to 4000 characters).' })
  @IsOptional()
  @MaxLength(4000)
  after?: string;

  @Field(() => String, { nullable: true, description: 'How to undo it (up to 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  rollbackNote?: string;
}

@InputType({ description: 'A deployment and its outcome.' })
export class RecordDeploymentInput extends IdempotentInput implements RecordDeployment {
  @Field(() => ID, { description: 'The session it was done in.' })
  @IsId()
  sessionId: string;

  @Field(() => ID, { nullable: true, description: 'The project deployed (of the session’s client).' })
  @IsOptional()
  @IsId()
  projectId?: string;

  @Field(() => ID, { nullable: true, description: 'Where it was deployed (of the session’s client).' })
  @IsOptional()
  @IsId()
  infrastructureId?: string;

  @Field(() => String, { description: 'What was deployed (1 to 200 characters).' })
  @NotBlank()
  @MaxLength(200)
  component: string;

  @Field(() => String, { nullable: true, description: 'Version or commit (up to 100 characters).' })
  @IsOptional()
  @MaxLength(100)
  version?: string;

  @Field(() => String, { description: 'Environment, for example "production" (1 to 50 characters).' })
  @NotBlank()
  @MaxLength(50)
  environment: string;

  @Field(() => DeploymentStatus, { description: 'How it went.' })
  @IsEnum(DeploymentStatus)
  status: DeploymentStatus;

  @Field(() => String, { nullable: true, description: 'Notes (up to 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string;
}

@InputType({ description: 'A change to a database.' })
export class RecordDatabaseChangeInput extends IdempotentInput implements RecordDatabaseChange {
  @Field(() => ID, { description: 'The session it was made in.' })
  @IsId()
  sessionId: string;

  @Field(() => ID, { nullable: true, description: 'The database server (of the session’s client).' })
  @IsOptional()
  @IsId()
  infrastructureId?: string;

  @Field(() => String, { description: 'Database name (1 to 200 characters).' })
  @NotBlank()
  @MaxLength(200)
  databaseName: string;

  @Field(() => String, { description: 'Kind of change, for example "schema", "data fix", "restore" (1 to 50 characters).' })
  @NotBlank()
  @MaxLength(50)
  changeType: string;

  @Field(() => String, { description: 'What was run, summarised, without data or secrets (1 to 4000 characters).' })
  @NotBlank()
  @MaxLength(4000)
  statementSummary: string;

  @Field(() => Int, { nullable: true, description: 'Rows affected (0 or more).' })
  @IsOptional()
  @Min(0)
  rowsAffected?: number;

  @Field(() => Boolean, { description: 'Whether a backup was taken first.' })
  @IsBoolean()
  backupTaken: boolean;
}

@InputType('CommandFilter', { description: 'Narrows the commands list; all conditions must hold.' })
export class CommandFilterInput implements CommandFilter {
  @Field(() => ID, { nullable: true, description: 'Only commands in sessions of this client.' })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => ID, { nullable: true, description: 'Only commands of this session.' })
  @IsOptional()
  @IsId()
  sessionId?: string;

  @Field(() => ID, { nullable: true, description: 'Only commands run on this infrastructure.' })
  @IsOptional()
  @IsId()
  infrastructureId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only successes (true) or failures (false).' })
  @IsOptional()
  success?: boolean;

  @Field(() => FailureCategory, { nullable: true, description: 'Only failures of this category.' })
  @IsOptional()
  failureCategory?: FailureCategory;

  @Field(() => Date, { nullable: true, description: 'Only commands run at or after this time.' })
  @IsOptional()
  ranFrom?: Date;

  @Field(() => Date, { nullable: true, description: 'Only commands run before this time.' })
  @IsOptional()
  ranBefore?: Date;
}

@InputType('ProblemSolutionFilter', { description: 'Narrows the problem-solutions list; all conditions must hold.' })
export class ProblemSolutionFilterInput implements ProblemSolutionFilter {
  @Field(() => ID, { nullable: true, description: 'Only problems met for this client.' })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => ID, { nullable: true, description: 'Only problems on this infrastructure.' })
  @IsOptional()
  @IsId()
  infrastructureId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only verified (true) or unverified (false) solutions.' })
  @IsOptional()
  verified?: boolean;

  @Field(() => String, { nullable: true, description: 'Only problems whose symptom or solution contains this text (case-insensitive).' })
  @IsOptional()
  @MaxLength(200)
  search?: string;
}

@InputType({ description: 'Changes to a deployment, for example after a rollback.' })
export class UpdateDeploymentInput implements UpdateDeployment {
  @Field(() => ID, { description: 'The deployment.' })
  @IsId()
  id: string;

  @Field(() => DeploymentStatus, { nullable: true, description: 'New status.' })
  @IsOptional()
  @IsEnum(DeploymentStatus)
  status?: DeploymentStatus;

  @Field(() => String, { nullable: true, description: 'New notes.' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string;
}
