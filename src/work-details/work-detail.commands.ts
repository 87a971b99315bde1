// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
import type { FailureCategory } from '../../entities/command-run.entity';
import type { FileChangeKind } from '../../entities/file-change.entity';
import type { DeploymentStatus } from '../../entities/deployment.entity';

/** A command that ran, and how it went. */
export interface LogCommand {
  command: string;
  host?: string;
  shell?: string;
  success: boolean;
  exitCode?: number;
  outputExcerpt?: string;
  errorMessage?: string;
  failureCategory?: FailureCategory;
  durationMs?: number;
  ranAt?: Date;
  sessionId: string;
  workItemId?: string;
  infrastructureId?: string;
  idempotencyKey?: string;
}

/** A file created, changed, deleted or renamed. */
export interface LogFileChange {
  path: string;
  kind: FileChangeKind;
  summary?: string;
  sessionId: string;
  workItemId?: string;
  infrastructureId?: string;
  idempotencyKey?: string;
}

/** A problem and its solution. */
export interface LogProblemSolution {
  symptom: string;
  rootCause?: string;
  solution: string;
  verified?: boolean;
  sessionId: string;
  workItemId?: string;
  infrastructureId?: string;
  idempotencyKey?: string;
}

/** Changes to a problem solution, for example once it is verified. */
export interface UpdateProblemSolution {
  id: string;
  rootCause?: string;
  solution?: string;
  verified?: boolean;
}

/** A configuration change to infrastructure. */
export interface RecordInfrastructureChange {
  sessionId: string;
  infrastructureId: string;
  description: string;
  before?: string;
  after?: string;
  rollbackNote?: string;
  idempotencyKey?: string;
}

/** A deployment and its outcome. */
export interface RecordDeployment {
  sessionId: string;
  projectId?: string;
  infrastructureId?: string;
  component: string;
  version?: string;
  environment: string;
  status: DeploymentStatus;
  notes?: string;
  idempotencyKey?: string;
}

/** A change to a database. */
export interface RecordDatabaseChange {
  sessionId: string;
  infrastructureId?: string;
  databaseName: string;
  changeType: string;
  statementSummary: string;
  rowsAffected?: number;
  backupTaken: boolean;
  idempotencyKey?: string;
}

export interface CommandFilter {
  clientId?: string;
  sessionId?: string;
  infrastructureId?: string;
  success?: boolean;
  failureCategory?: FailureCategory;
  ranFrom?: Date;
  ranBefore?: Date;
}

export interface ProblemSolutionFilter {
  clientId?: string;
  infrastructureId?: string;
  verified?: boolean;
  search?: string;
}

/** Changes to a deployment, for example after a rollback. */
export interface UpdateDeployment {
  id: string;
  status?: DeploymentStatus;
  notes?: string;
}
