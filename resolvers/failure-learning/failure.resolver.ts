import { Client } from '../../entities/client.entity';
import { EnvironmentalInsight } from '../../entities/environmental-insight.entity';
import { FailurePattern } from '../../entities/failure-pattern.entity';
import { Infrastructure } from '../../entities/infrastructure.entity';
import { OperationFailure } from '../../entities/operation-failure.entity';
import { Session } from '../../entities/session.entity';
import { childLists } from '../../src/loaders/child-lists';
import {
  failurePatternFilter,
  INSIGHT_ORDER,
  insightFilter,
  logOperationFailure,
  OPERATION_FAILURE_ORDER,
  operationFailureFilter,
  PATTERN_ORDER,
  recordEnvironmentalInsight,
  recordFailurePattern,
  updateEnvironmentalInsight,
  updateFailurePattern,
} from '../../src/failure-learning/failure.service';
import { EnvironmentalInsightConnection, FailurePatternConnection, OperationFailureConnection } from '../kit/connections';
import {
  EnvironmentalInsightFilterInput,
  FailurePatternFilterInput,
  LogOperationFailureInput,
  OperationFailureFilterInput,
  RecordEnvironmentalInsightInput,
  RecordFailurePatternInput,
  UpdateEnvironmentalInsightInput,
  UpdateFailurePatternInput,
} from './failure.inputs';
import { belongsTo, hasMany, inputMutation, listQuery } from '../kit/record-resolvers';
import { agentMay, readers, writers } from '../../src/graphql/access';

/** Operation failures, failure patterns and environmental insights. */
export const failureResolvers = [
  inputMutation({
    name: 'logOperationFailure',
    access: writers('ownSession'),
    description: 'Records a failure that was not a single command.',
    input: LogOperationFailureInput,
    returns: OperationFailure,
    run: logOperationFailure,
  }),
  listQuery({
    name: 'operationFailures',
    access: readers(agentMay.listOwn),
    description: 'Operation failures, most recent first.',
    entity: OperationFailure,
    connection: OperationFailureConnection,
    filterType: OperationFailureFilterInput,
    filter: operationFailureFilter,
    order: OPERATION_FAILURE_ORDER,
  }),
  belongsTo({
    on: OperationFailure,
    name: 'session',
    description: 'The session it happened in, if any.',
    target: Session,
    key: 'sessionId',
  }),
  belongsTo({ on: OperationFailure, name: 'client', description: 'The client, if any.', target: Client, key: 'clientId' }),
  belongsTo({
    on: OperationFailure,
    name: 'infrastructure',
    description: 'The infrastructure involved, if any.',
    target: Infrastructure,
    key: 'infrastructureId',
  }),
  hasMany({
    on: Client,
    name: 'operationFailures',
    description: 'Failures at this client, most recent first.',
    connection: OperationFailureConnection,
    spec: childLists.operationFailuresOfClient,
  }),
  hasMany({
    on: Session,
    name: 'operationFailures',
    description: 'Failures in this session, most recent first.',
    connection: OperationFailureConnection,
    spec: childLists.operationFailuresOfSession,
  }),

  listQuery({
    name: 'failurePatterns',
    access: readers(agentMay.always),
    description: 'Failure patterns, most recently seen first.',
    entity: FailurePattern,
    connection: FailurePatternConnection,
    filterType: FailurePatternFilterInput,
    filter: failurePatternFilter,
    order: PATTERN_ORDER,
  }),
  inputMutation({
    name: 'recordFailurePattern',
    access: writers(),
    description: 'Records a failure pattern by hand. CONFLICT when the signature exists.',
    input: RecordFailurePatternInput,
    returns: FailurePattern,
    run: recordFailurePattern,
  }),
  inputMutation({
    name: 'updateFailurePattern',
    access: writers(),
    description: 'Changes a failure pattern.',
    input: UpdateFailurePatternInput,
    returns: FailurePattern,
    run: updateFailurePattern,
  }),

  listQuery({
    name: 'environmentalInsights',
    access: readers(agentMay.listOwn),
    description: 'Environmental insights, most confident first; active ones unless asked.',
    entity: EnvironmentalInsight,
    connection: EnvironmentalInsightConnection,
    filterType: EnvironmentalInsightFilterInput,
    filter: insightFilter,
    order: INSIGHT_ORDER,
  }),
  inputMutation({
    name: 'recordEnvironmentalInsight',
    access: writers(),
    description: 'Records something learned about a client or host.',
    input: RecordEnvironmentalInsightInput,
    returns: EnvironmentalInsight,
    run: recordEnvironmentalInsight,
  }),
  inputMutation({
    name: 'updateEnvironmentalInsight',
    access: writers(),
    description: 'Changes or retires an insight.',
    input: UpdateEnvironmentalInsightInput,
    returns: EnvironmentalInsight,
    run: updateEnvironmentalInsight,
  }),
  belongsTo({ on: EnvironmentalInsight, name: 'client', description: 'The client it is about, if any.', target: Client, key: 'clientId' }),
  belongsTo({
    on: EnvironmentalInsight,
    name: 'infrastructure',
    description: 'The host it is about, if any.',
    target: Infrastructure,
    key: 'infrastructureId',
  }),
  hasMany({
    on: Client,
    name: 'insights',
    description: 'Active insights about the client, most confident first.',
    connection: EnvironmentalInsightConnection,
    spec: childLists.insightsOfClient,
  }),
  hasMany({
    on: Infrastructure,
    name: 'insights',
    description: 'Active insights about this host, most confident first.',
    connection: EnvironmentalInsightConnection,
    spec: childLists.insightsOfInfrastructure,
  }),
];
