import { RefreshToken } from './refresh-token.entity';
import { RevokedToken } from './revoked-token.entity';
import { ApiAuditEntry } from './api-audit-entry.entity';
import { CredentialAuditEntry } from './credential-audit-entry.entity';
import { CredentialPermission } from './credential-permission.entity';
import { Credential } from './credential.entity';
import { EnvironmentalInsight } from './environmental-insight.entity';
import { ExternalIntegrationCall } from './external-integration-call.entity';
import { FailurePattern } from './failure-pattern.entity';
import { IntegrationCredential } from './integration-credential.entity';
import { Integration } from './integration.entity';
import { OperationFailure } from './operation-failure.entity';
import { SecurityIncident } from './security-incident.entity';
import { TicketLink } from './ticket-link.entity';
import { UserInvite } from './user-invite.entity';
import { User } from './user.entity';
import { ChangeLogEntry } from './change-log-entry.entity';
import { Client } from './client.entity';
import { CommandRun } from './command-run.entity';
import { DatabaseChange } from './database-change.entity';
import { Deployment } from './deployment.entity';
import { FileChange } from './file-change.entity';
import { FirewallRule } from './firewall-rule.entity';
import { IdempotencyKey } from './idempotency-key.entity';
import { InfrastructureChange } from './infrastructure-change.entity';
import { ProjectInfrastructure, SessionInfrastructure } from './infrastructure-links.entity';
import { InfrastructureRelationship } from './infrastructure-relationship.entity';
import { InfrastructureService } from './infrastructure-service.entity';
import { Infrastructure } from './infrastructure.entity';
import { M365Tenant } from './m365-tenant.entity';
import { Machine } from './machine.entity';
import { Network } from './network.entity';
import { PendingTask } from './pending-task.entity';
import { ProblemSolution } from './problem-solution.entity';
import { Project } from './project.entity';
import { SessionTag } from './session-tag.entity';
import { Session } from './session.entity';
import { Site } from './site.entity';
import { Tag } from './tag.entity';
import { WorkItemTag } from './work-item-tag.entity';
import { WorkItem } from './work-item.entity';
import { Note } from './note.entity';
import { SearchDocument } from './search-document.entity';
import { SearchTerm } from './search-term.entity';
import { LaborType } from './labor-type.entity';
import { PrepaidBlock } from './prepaid-block.entity';
import { PrepaidDraw } from './prepaid-draw.entity';
import { Webhook } from './webhook.entity';
import { WebhookDelivery } from './webhook-delivery.entity';

/** Every table the data source maps; migrations must match exactly this list. */
export const entities = [
  // core tracking
  Client,
  Project,
  Machine,
  Session,
  WorkItem,
  PendingTask,
  Tag,
  SessionTag,
  WorkItemTag,
  // client and infrastructure
  Site,
  Infrastructure,
  InfrastructureService,
  Network,
  FirewallRule,
  M365Tenant,
  InfrastructureRelationship,
  SessionInfrastructure,
  ProjectInfrastructure,
  // work details
  CommandRun,
  FileChange,
  InfrastructureChange,
  ProblemSolution,
  Deployment,
  DatabaseChange,
  Note,
  // credentials and security
  Credential,
  CredentialAuditEntry,
  CredentialPermission,
  SecurityIncident,
  // failure analysis
  OperationFailure,
  FailurePattern,
  EnvironmentalInsight,
  // system and audit
  User,
  UserInvite,
  RefreshToken,
  RevokedToken,
  ApiAuditEntry,
  ChangeLogEntry,
  IdempotencyKey,
  // external integrations
  ExternalIntegrationCall,
  IntegrationCredential,
  Integration,
  TicketLink,
  // search
  SearchDocument,
  SearchTerm,
  // billing
  LaborType,
  PrepaidBlock,
  PrepaidDraw,
  // outbound webhooks
  Webhook,
  WebhookDelivery,
];
