import { CommandRun } from '../../entities/command-run.entity';
import { CredentialAuditEntry } from '../../entities/credential-audit-entry.entity';
import { CredentialPermission } from '../../entities/credential-permission.entity';
import { Credential } from '../../entities/credential.entity';
import { EnvironmentalInsight } from '../../entities/environmental-insight.entity';
import { OperationFailure } from '../../entities/operation-failure.entity';
import { SecurityIncident } from '../../entities/security-incident.entity';
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
import { Filter, noFilter } from '../pagination/list-query';
import { SortOrder } from '../pagination/sort-order';
import { BY_NAME, INFRASTRUCTURE_ORDER, notArchived } from '../services/infrastructure.service';
import { COMMAND_ORDER, RECORDED_ORDER } from '../services/work-detail.service';
import { AUDIT_ORDER, CREDENTIAL_ORDER, INCIDENT_ORDER } from '../services/security.service';
import { INSIGHT_ORDER, OPERATION_FAILURE_ORDER } from '../services/failure.service';
import { NOTE_ORDER } from '../services/note.service';
import { ChildListSpec } from './child-connection.loader';

const activeOnly: Filter = (qb, a) => {
  qb.andWhere(`${a}.active = :active`, { active: true });
};

/** Nested lists resolved through `loaders.children(spec)`; each spec is one module-level object, so one loader per request. */
const spec = <T extends { id: number }>(entity: new () => T, parentKey: keyof T & string, order: SortOrder<T>, filter: Filter = noFilter): ChildListSpec<T, undefined> => ({
  entity,
  parentKey,
  order,
  filter: () => filter,
});

export const childLists = {
  sitesOfClient: spec(Site, 'clientId', BY_NAME, notArchived),
  infrastructureOfClient: spec(Infrastructure, 'clientId', INFRASTRUCTURE_ORDER, notArchived),
  infrastructureOfSite: spec(Infrastructure, 'siteId', INFRASTRUCTURE_ORDER, notArchived),
  networksOfClient: spec(Network, 'clientId', BY_NAME, notArchived),
  m365TenantsOfClient: spec(M365Tenant, 'clientId', { key: 'primaryDomain', direction: 'ASC' }, notArchived),
  servicesOfInfrastructure: spec(InfrastructureService, 'infrastructureId', BY_NAME, notArchived),
  firewallRulesOfInfrastructure: spec(FirewallRule, 'infrastructureId', BY_NAME, notArchived),
  commandsOfInfrastructure: spec(CommandRun, 'infrastructureId', COMMAND_ORDER),
  changesOfInfrastructure: spec(InfrastructureChange, 'infrastructureId', RECORDED_ORDER),
  commandsOfSession: spec(CommandRun, 'sessionId', COMMAND_ORDER),
  fileChangesOfSession: spec(FileChange, 'sessionId', RECORDED_ORDER),
  problemSolutionsOfSession: spec(ProblemSolution, 'sessionId', RECORDED_ORDER),
  notesOfSession: spec(Note, 'sessionId', NOTE_ORDER),
  infrastructureChangesOfSession: spec(InfrastructureChange, 'sessionId', RECORDED_ORDER),
  deploymentsOfSession: spec(Deployment, 'sessionId', RECORDED_ORDER),
  databaseChangesOfSession: spec(DatabaseChange, 'sessionId', RECORDED_ORDER),
  ticketLinksOfSession: spec(TicketLink, 'sessionId', RECORDED_ORDER),
  credentialsOfClient: spec(Credential, 'clientId', CREDENTIAL_ORDER, notArchived),
  auditOfCredential: spec(CredentialAuditEntry, 'credentialId', AUDIT_ORDER),
  permissionsOfCredential: spec(CredentialPermission, 'credentialId', { key: 'principal', direction: 'ASC' }),
  incidentsOfClient: spec(SecurityIncident, 'clientId', INCIDENT_ORDER),
  operationFailuresOfClient: spec(OperationFailure, 'clientId', OPERATION_FAILURE_ORDER),
  operationFailuresOfSession: spec(OperationFailure, 'sessionId', OPERATION_FAILURE_ORDER),
  insightsOfClient: spec(EnvironmentalInsight, 'clientId', INSIGHT_ORDER, activeOnly),
  insightsOfInfrastructure: spec(EnvironmentalInsight, 'infrastructureId', INSIGHT_ORDER, activeOnly),
};
