import { ObjectType } from 'type-graphql';
import { ApiAuditEntry } from '../../entities/api-audit-entry.entity';
import { CredentialAuditEntry } from '../../entities/credential-audit-entry.entity';
import { CredentialPermission } from '../../entities/credential-permission.entity';
import { Credential } from '../../entities/credential.entity';
import { EnvironmentalInsight } from '../../entities/environmental-insight.entity';
import { ExternalIntegrationCall } from '../../entities/external-integration-call.entity';
import { FailurePattern } from '../../entities/failure-pattern.entity';
import { IntegrationCredential } from '../../entities/integration-credential.entity';
import { Integration } from '../../entities/integration.entity';
import { OperationFailure } from '../../entities/operation-failure.entity';
import { SecurityIncident } from '../../entities/security-incident.entity';
import { TicketLink } from '../../entities/ticket-link.entity';
import { User } from '../../entities/user.entity';
import { ChangeLogEntry } from '../../entities/change-log-entry.entity';
import { Client } from '../../entities/client.entity';
import { PendingTask } from '../../entities/pending-task.entity';
import { Project } from '../../entities/project.entity';
import { Session } from '../../entities/session.entity';
import { WorkItem } from '../../entities/work-item.entity';
import { CommandRun } from '../../entities/command-run.entity';
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
import { Connection } from '../../src/pagination/connection';
import { LaborType } from '../../entities/labor-type.entity';
import { PrepaidBlock } from '../../entities/prepaid-block.entity';

@ObjectType({ description: 'A page of clients, ordered by name.' })
export class ClientConnection extends Connection(Client) {}

@ObjectType({ description: 'A page of projects, ordered by name.' })
export class ProjectConnection extends Connection(Project) {}

@ObjectType({ description: 'A page of sessions, most recent first unless asked otherwise.' })
export class SessionConnection extends Connection(Session) {}

@ObjectType({ description: 'A page of work items, in the order they were logged.' })
export class WorkItemConnection extends Connection(WorkItem) {}

@ObjectType({ description: 'A page of pending tasks, soonest due first, undated last.' })
export class PendingTaskConnection extends Connection(PendingTask) {}

@ObjectType({ description: 'A page of changes, oldest first.' })
export class ChangeConnection extends Connection(ChangeLogEntry) {}

@ObjectType({ description: 'A page of sites, by name.' })
export class SiteConnection extends Connection(Site) {}

@ObjectType({ description: 'A page of infrastructure, by host name.' })
export class InfrastructureConnection extends Connection(Infrastructure) {}

@ObjectType({ description: 'A page of services, by name.' })
export class ServiceConnection extends Connection(InfrastructureService, 'Service') {}

@ObjectType({ description: 'A page of networks, by name.' })
export class NetworkConnection extends Connection(Network) {}

@ObjectType({ description: 'A page of firewall rules, by name.' })
export class FirewallRuleConnection extends Connection(FirewallRule) {}

@ObjectType({ description: 'A page of Microsoft 365 tenants, by primary domain.' })
export class M365TenantConnection extends Connection(M365Tenant) {}

@ObjectType({ description: 'A page of commands, most recent first.' })
export class CommandRunConnection extends Connection(CommandRun) {}

@ObjectType({ description: 'A page of file changes, in the order they were recorded.' })
export class FileChangeConnection extends Connection(FileChange) {}

@ObjectType({ description: 'A page of problem solutions, in the order they were recorded.' })
export class ProblemSolutionConnection extends Connection(ProblemSolution) {}

@ObjectType({ description: 'A page of notes, oldest first.' })
export class NoteConnection extends Connection(Note) {}

@ObjectType({ description: 'A page of infrastructure changes, in the order they were made.' })
export class InfrastructureChangeConnection extends Connection(InfrastructureChange) {}

@ObjectType({ description: 'A page of deployments, in the order they were recorded.' })
export class DeploymentConnection extends Connection(Deployment) {}

@ObjectType({ description: 'A page of database changes, in the order they were recorded.' })
export class DatabaseChangeConnection extends Connection(DatabaseChange) {}

@ObjectType({ description: 'A page of credentials (metadata only), by name.' })
export class CredentialConnection extends Connection(Credential) {}

@ObjectType({ description: 'A page of credential accesses, newest first.' })
export class CredentialAuditConnection extends Connection(CredentialAuditEntry) {}

@ObjectType({ description: 'A page of security incidents, most recently detected first.' })
export class SecurityIncidentConnection extends Connection(SecurityIncident) {}

@ObjectType({ description: 'A page of operation failures, most recent first.' })
export class OperationFailureConnection extends Connection(OperationFailure) {}

@ObjectType({ description: 'A page of failure patterns, most recently seen first.' })
export class FailurePatternConnection extends Connection(FailurePattern) {}

@ObjectType({ description: 'A page of environmental insights, most confident first.' })
export class EnvironmentalInsightConnection extends Connection(EnvironmentalInsight) {}

@ObjectType({ description: 'A page of users, newest first.' })
export class UserConnection extends Connection(User) {}

@ObjectType({ description: 'A page of API requests, newest first.' })
export class ApiAuditConnection extends Connection(ApiAuditEntry) {}

@ObjectType({ description: 'A page of outbound integration calls, newest first.' })
export class ExternalIntegrationCallConnection extends Connection(ExternalIntegrationCall) {}

@ObjectType({ description: 'A page of integration credentials (metadata only), newest first.' })
export class IntegrationCredentialConnection extends Connection(IntegrationCredential) {}

@ObjectType({ description: 'A page of credential permissions, by principal.' })
export class CredentialPermissionConnection extends Connection(CredentialPermission) {}

@ObjectType({ description: 'A page of ticket links, oldest first.' })
export class TicketLinkConnection extends Connection(TicketLink) {}

@ObjectType({ description: 'A page of labor types, ordered by name.' })
export class LaborTypeConnection extends Connection(LaborType) {}

@ObjectType({ description: 'A page of prepaid blocks, oldest purchase first (the order they are drawn in).' })
export class PrepaidBlockConnection extends Connection(PrepaidBlock) {}

@ObjectType({ description: 'A page of PSA integrations, newest first.' })
export class IntegrationConnection extends Connection(Integration) {}
