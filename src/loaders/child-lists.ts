import { CommandRun } from '../../entities/command-run.entity';
import { EnvironmentalInsight } from '../../entities/environmental-insight.entity';
import { OperationFailure } from '../../entities/operation-failure.entity';
import { TicketLink } from '../../entities/ticket-link.entity';
import { DatabaseChange } from '../../entities/database-change.entity';
import { Deployment } from '../../entities/deployment.entity';
import { FileChange } from '../../entities/file-change.entity';
import { FirewallRule } from '../../entities/firewall-rule.entity';
import { InfrastructureChange } from '../../entities/infrastructure-change.entity';
import { InfrastructureService } from '../../entities/infrastructure-service.entity';
import { Infrastructure } from '../../entities/infrastructure.entity';
import { M365Tenant } from '../../entities/m365-tenant.entity';
import { Network } from '../../entities/network.entity';
import { Note } from '../../entities/note.entity';
import { ProblemSolution } from '../../entities/problem-solution.entity';
import { Site } from '../../entities/site.entity';
import { BY_NAME, INFRASTRUCTURE_ORDER, notArchived } from '../infrastructure/infrastructure.service';
import { COMMAND_ORDER, RECORDED_ORDER } from '../work-details/work-detail.service';
import { INSIGHT_ORDER, OPERATION_FAILURE_ORDER } from '../failure-learning/failure.service';
import { NOTE_ORDER } from '../tracking/note.service';
import { childListSpec } from './child-connection.loader';
import { Filter } from '../pagination/filter';

const activeOnly: Filter = (qb, a) => {
  qb.andWhere(`${a}.active = :active`, { active: true });
};

/** Nested lists resolved through `loaders.children(spec)`; the security lists live with their order and filter in security.service.ts. */
export const childLists = {
  sitesOfClient: childListSpec(Site, 'clientId', BY_NAME, notArchived),
  infrastructureOfClient: childListSpec(Infrastructure, 'clientId', INFRASTRUCTURE_ORDER, notArchived),
  infrastructureOfSite: childListSpec(Infrastructure, 'siteId', INFRASTRUCTURE_ORDER, notArchived),
  networksOfClient: childListSpec(Network, 'clientId', BY_NAME, notArchived),
  m365TenantsOfClient: childListSpec(M365Tenant, 'clientId', { key: 'primaryDomain', direction: 'ASC' }, notArchived),
  servicesOfInfrastructure: childListSpec(InfrastructureService, 'infrastructureId', BY_NAME, notArchived),
  firewallRulesOfInfrastructure: childListSpec(FirewallRule, 'infrastructureId', BY_NAME, notArchived),
  commandsOfInfrastructure: childListSpec(CommandRun, 'infrastructureId', COMMAND_ORDER),
  changesOfInfrastructure: childListSpec(InfrastructureChange, 'infrastructureId', RECORDED_ORDER),
  commandsOfSession: childListSpec(CommandRun, 'sessionId', COMMAND_ORDER),
  fileChangesOfSession: childListSpec(FileChange, 'sessionId', RECORDED_ORDER),
  problemSolutionsOfSession: childListSpec(ProblemSolution, 'sessionId', RECORDED_ORDER),
  notesOfSession: childListSpec(Note, 'sessionId', NOTE_ORDER),
  infrastructureChangesOfSession: childListSpec(InfrastructureChange, 'sessionId', RECORDED_ORDER),
  deploymentsOfSession: childListSpec(Deployment, 'sessionId', RECORDED_ORDER),
  databaseChangesOfSession: childListSpec(DatabaseChange, 'sessionId', RECORDED_ORDER),
  ticketLinksOfSession: childListSpec(TicketLink, 'sessionId', RECORDED_ORDER),
  operationFailuresOfClient: childListSpec(OperationFailure, 'clientId', OPERATION_FAILURE_ORDER),
  operationFailuresOfSession: childListSpec(OperationFailure, 'sessionId', OPERATION_FAILURE_ORDER),
  insightsOfClient: childListSpec(EnvironmentalInsight, 'clientId', INSIGHT_ORDER, activeOnly),
  insightsOfInfrastructure: childListSpec(EnvironmentalInsight, 'infrastructureId', INSIGHT_ORDER, activeOnly),
};
