import { ClassType } from 'type-graphql';
import { CommandRun } from '../../entities/command-run.entity';
import { DatabaseChange } from '../../entities/database-change.entity';
import { Deployment } from '../../entities/deployment.entity';
import { FileChange } from '../../entities/file-change.entity';
import { InfrastructureChange } from '../../entities/infrastructure-change.entity';
import { Infrastructure } from '../../entities/infrastructure.entity';
import { ProblemSolution } from '../../entities/problem-solution.entity';
import { Project } from '../../entities/project.entity';
import { Session } from '../../entities/session.entity';
import { WorkItem } from '../../entities/work-item.entity';
import { childLists } from '../../src/loaders/child-lists';
import {
  COMMAND_ORDER,
  commandFilter,
  logCommand,
  logFileChange,
  logProblemSolution,
  problemSolutionFilter,
  RECORDED_ORDER,
  recordDatabaseChange,
  recordDeployment,
  recordInfrastructureChange,
  updateDeployment,
  updateProblemSolution,
} from '../../src/work-details/work-detail.service';
import {
  CommandRunConnection,
  DatabaseChangeConnection,
  DeploymentConnection,
  FileChangeConnection,
  InfrastructureChangeConnection,
  ProblemSolutionConnection,
} from '../kit/connections';
import { belongsTo, hasMany, inputMutation, listQuery } from '../kit/record-resolvers';
import {
  CommandFilterInput,
  LogCommandInput,
  LogFileChangeInput,
  LogProblemSolutionInput,
  ProblemSolutionFilterInput,
  RecordDatabaseChangeInput,
  RecordDeploymentInput,
  RecordInfrastructureChangeInput,
  UpdateDeploymentInput,
  UpdateProblemSolutionInput,
} from './work-detail.inputs';
import { agentMay, readers, writers } from '../../src/graphql/access';

const CONTEXT = {
  workItemId: { name: 'workItem', description: 'The work item it belongs to, if any.', target: WorkItem },
  infrastructureId: { name: 'infrastructure', description: 'The infrastructure it touched, if any.', target: Infrastructure },
  projectId: { name: 'project', description: 'The project, if any.', target: Project },
} as const;

/** `session` on a work-detail type, plus workItem, infrastructure or project where it has them. */
function contextFields<T extends { sessionId: number }>(on: ClassType<T>, keys: (keyof typeof CONTEXT & keyof T)[]): ClassType[] {
  return [
    belongsTo({ on, name: 'session', description: 'The session it happened in.', target: Session, key: 'sessionId', required: true }),
    ...keys.map((key) => belongsTo<T, { id: number }>({ on, ...CONTEXT[key], key: key as keyof T & string })),
  ];
}

export const workDetailResolvers = [
  listQuery({
    name: 'commands',
    access: readers(agentMay.listOwn),
    description: 'Commands run, most recent first.',
    entity: CommandRun,
    connection: CommandRunConnection,
    filterType: CommandFilterInput,
    filter: commandFilter,
    order: COMMAND_ORDER,
  }),
  inputMutation({
    name: 'logCommand',
    access: writers('ownSession'),
    description: 'Records a command and its outcome.',
    input: LogCommandInput,
    returns: CommandRun,
    run: logCommand,
  }),
  ...contextFields(CommandRun, ['workItemId', 'infrastructureId']),
  hasMany({
    on: Session,
    name: 'commands',
    description: 'Commands run in this session, most recent first.',
    connection: CommandRunConnection,
    spec: childLists.commandsOfSession,
  }),

  inputMutation({
    name: 'logFileChange',
    access: writers('ownSession'),
    description: 'Records a file change.',
    input: LogFileChangeInput,
    returns: FileChange,
    run: logFileChange,
  }),
  ...contextFields(FileChange, ['workItemId', 'infrastructureId']),
  hasMany({
    on: Session,
    name: 'fileChanges',
    description: 'Files changed in this session.',
    connection: FileChangeConnection,
    spec: childLists.fileChangesOfSession,
  }),

  listQuery({
    name: 'problemSolutions',
    access: readers(agentMay.listOwn),
    description: 'Problems met and how they were solved, oldest first.',
    entity: ProblemSolution,
    connection: ProblemSolutionConnection,
    filterType: ProblemSolutionFilterInput,
    filter: problemSolutionFilter,
    order: RECORDED_ORDER,
  }),
  inputMutation({
    name: 'logProblemSolution',
    access: writers('ownSession'),
    description: 'Records a problem and its solution.',
    input: LogProblemSolutionInput,
    returns: ProblemSolution,
    run: logProblemSolution,
  }),
  inputMutation({
    name: 'updateProblemSolution',
    access: writers(),
    description: 'Changes a problem solution, for example to mark it verified.',
    input: UpdateProblemSolutionInput,
    returns: ProblemSolution,
    run: updateProblemSolution,
  }),
  ...contextFields(ProblemSolution, ['workItemId', 'infrastructureId']),
  hasMany({
    on: Session,
    name: 'problemSolutions',
    description: 'Problems solved in this session.',
    connection: ProblemSolutionConnection,
    spec: childLists.problemSolutionsOfSession,
  }),

  inputMutation({
    name: 'recordInfrastructureChange',
    access: writers(),
    description: 'Records a configuration change to infrastructure.',
    input: RecordInfrastructureChangeInput,
    returns: InfrastructureChange,
    run: recordInfrastructureChange,
  }),
  ...contextFields(InfrastructureChange, ['infrastructureId']),
  hasMany({
    on: Session,
    name: 'infrastructureChanges',
    description: 'Infrastructure changed in this session.',
    connection: InfrastructureChangeConnection,
    spec: childLists.infrastructureChangesOfSession,
  }),

  inputMutation({
    name: 'recordDeployment',
    access: writers(),
    description: 'Records a deployment.',
    input: RecordDeploymentInput,
    returns: Deployment,
    run: recordDeployment,
  }),
  inputMutation({
    name: 'updateDeployment',
    access: writers(),
    description: 'Changes a deployment, for example to ROLLED_BACK.',
    input: UpdateDeploymentInput,
    returns: Deployment,
    run: updateDeployment,
  }),
  ...contextFields(Deployment, ['infrastructureId', 'projectId']),
  hasMany({
    on: Session,
    name: 'deployments',
    description: 'Deployments done in this session.',
    connection: DeploymentConnection,
    spec: childLists.deploymentsOfSession,
  }),

  inputMutation({
    name: 'recordDatabaseChange',
    access: writers(),
    description: 'Records a change to a database.',
    input: RecordDatabaseChangeInput,
    returns: DatabaseChange,
    run: recordDatabaseChange,
  }),
  ...contextFields(DatabaseChange, ['infrastructureId']),
  hasMany({
    on: Session,
    name: 'databaseChanges',
    description: 'Database changes made in this session.',
    connection: DatabaseChangeConnection,
    spec: childLists.databaseChangesOfSession,
  }),
];
