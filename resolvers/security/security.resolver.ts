import { Client } from '../../entities/client.entity';
import { CredentialAuditEntry } from '../../entities/credential-audit-entry.entity';
import { CredentialPermission } from '../../entities/credential-permission.entity';
import { Credential } from '../../entities/credential.entity';
import { Infrastructure } from '../../entities/infrastructure.entity';
import { SecurityIncident } from '../../entities/security-incident.entity';
import { Session } from '../../entities/session.entity';
import {
  auditOfCredential,
  CREDENTIAL_ORDER,
  createCredential,
  credentialsOfClient,
  credentialFilter,
  grantCredentialAccess,
  INCIDENT_ORDER,
  incidentsOfClient,
  permissionsOfCredential,
  recordSecurityIncident,
  securityIncidentFilter,
  updateCredential,
  updateSecurityIncident,
} from '../../src/security/security.service';
import { revealCredential, rotateVaultKey, storeCredential, vaultOf } from '../../src/security/vault.service';
import { CredentialSecret, RevealCredentialInput, RotateVaultKeyInput, StoreCredentialInput, VaultRotation } from './vault.inputs';
import {
  CredentialAuditConnection,
  CredentialConnection,
  CredentialPermissionConnection,
  SecurityIncidentConnection,
} from '../kit/connections';
import { archiveMutation, belongsTo, hasMany, inputMutation, listQuery } from '../kit/record-resolvers';
import {
  CreateCredentialInput,
  CredentialFilterInput,
  GrantCredentialAccessInput,
  RecordSecurityIncidentInput,
  SecurityIncidentFilterInput,
  UpdateCredentialInput,
  UpdateSecurityIncidentInput,
} from './security.inputs';
import { admins, agentMay, readers, writers } from '../../src/graphql/access';

/** Credential metadata and secrets, permissions and audit; security incidents. */
export const securityResolvers = [
  inputMutation({
    name: 'storeCredential',
    access: writers('checkedByService'),
    description: 'Encrypts a secret onto a credential (new or existing); returns metadata only.',
    input: StoreCredentialInput,
    returns: Credential,
    run: storeCredential,
  }),
  inputMutation({
    name: 'revealCredential',
    access: readers(agentMay.always),
    description: 'Reveals a secret you may see; writes the audit row first and fails closed.',
    input: RevealCredentialInput,
    returns: CredentialSecret,
    run: revealCredential,
  }),
  inputMutation({
    name: 'rotateVaultKey',
    access: admins,
    description: 'Re-encrypts secrets with the current vault key, one batch per call (admin).',
    input: RotateVaultKeyInput,
    returns: VaultRotation,
    run: (ctx, input) => rotateVaultKey(ctx, vaultOf(ctx), input.batchSize),
  }),
  listQuery({
    name: 'credentials',
    access: readers(agentMay.listOwn),
    description: 'Credentials (metadata only, never values), by name.',
    entity: Credential,
    connection: CredentialConnection,
    filterType: CredentialFilterInput,
    filter: credentialFilter,
    order: CREDENTIAL_ORDER,
  }),
  inputMutation({
    name: 'createCredential',
    access: writers(),
    description: 'Records a credential’s metadata; the audit log gets a CREATE entry.',
    input: CreateCredentialInput,
    returns: Credential,
    run: createCredential,
  }),
  inputMutation({
    name: 'updateCredential',
    access: writers(),
    description: 'Changes a credential’s metadata; the audit log gets an UPDATE entry.',
    input: UpdateCredentialInput,
    returns: Credential,
    run: updateCredential,
  }),
  archiveMutation(Credential, 'Credential', 'Archives a credential no longer in use; its audit log stays.'),
  inputMutation({
    name: 'grantCredentialAccess',
    access: admins,
    description: 'Allows or withdraws a principal’s right to reveal a credential.',
    input: GrantCredentialAccessInput,
    returns: CredentialPermission,
    run: grantCredentialAccess,
  }),
  belongsTo({ on: Credential, name: 'client', description: 'The client it belongs to, if any.', target: Client, key: 'clientId' }),
  belongsTo({
    on: Credential,
    name: 'infrastructure',
    description: 'The infrastructure it opens, if any.',
    target: Infrastructure,
    key: 'infrastructureId',
  }),
  hasMany({
    on: Credential,
    name: 'auditLog',
    description: 'Every access to this credential, newest first.',
    connection: CredentialAuditConnection,
    spec: auditOfCredential,
  }),
  hasMany({
    on: Credential,
    name: 'permissions',
    description: 'Who may reveal it.',
    connection: CredentialPermissionConnection,
    spec: permissionsOfCredential,
  }),
  belongsTo({
    on: CredentialAuditEntry,
    name: 'session',
    description: 'The agent session that accessed it, if any.',
    target: Session,
    key: 'sessionId',
  }),
  hasMany({
    on: Client,
    name: 'credentials',
    description: 'Active credentials of the client (metadata only), by name.',
    connection: CredentialConnection,
    spec: credentialsOfClient,
  }),

  listQuery({
    name: 'securityIncidents',
    access: readers(agentMay.listOwn),
    description: 'Security incidents, most recently detected first.',
    entity: SecurityIncident,
    connection: SecurityIncidentConnection,
    filterType: SecurityIncidentFilterInput,
    filter: securityIncidentFilter,
    order: INCIDENT_ORDER,
  }),
  inputMutation({
    name: 'recordSecurityIncident',
    access: writers(),
    description: 'Records a security incident; its timeline starts with the detection.',
    input: RecordSecurityIncidentInput,
    returns: SecurityIncident,
    run: recordSecurityIncident,
  }),
  inputMutation({
    name: 'updateSecurityIncident',
    access: writers(),
    description: 'Moves an incident on; each change becomes a timeline entry.',
    input: UpdateSecurityIncidentInput,
    returns: SecurityIncident,
    run: updateSecurityIncident,
  }),
  belongsTo({ on: SecurityIncident, name: 'client', description: 'The client.', target: Client, key: 'clientId', required: true }),
  belongsTo({
    on: SecurityIncident,
    name: 'infrastructure',
    description: 'The infrastructure affected, if one.',
    target: Infrastructure,
    key: 'infrastructureId',
  }),
  hasMany({
    on: Client,
    name: 'securityIncidents',
    description: 'The client’s security incidents, most recent first.',
    connection: SecurityIncidentConnection,
    spec: incidentsOfClient,
  }),
];
