import { EntityManager } from 'typeorm';
import { Client } from '../../entities/client.entity';
import { now } from '../../entities/columns';
import { CredentialAction, CredentialAuditEntry } from '../../entities/credential-audit-entry.entity';
import { CredentialPermission } from '../../entities/credential-permission.entity';
import { Credential } from '../../entities/credential.entity';
import { Infrastructure } from '../../entities/infrastructure.entity';
import { IncidentStatus, SecurityIncident } from '../../entities/security-incident.entity';
import { User } from '../../entities/user.entity';
import { originOf } from '../database/database';
import { dbTime } from '../database/db-time';
import { BadInputError } from '../core/errors';
import { childListSpec } from '../loaders/child-connection.loader';
import { SortOrder } from '../pagination/sort-order';
import { findOrFail } from '../kit/find-or-fail';
import { notArchived } from '../infrastructure/infrastructure.service';
import { insertRecord, Referenced, updateRecord } from '../kit/record.service';
import { likeContains, likeSql } from '../kit/text';
import { assertNotInFuture } from '../tracking/time-rules';
import type {
  CreateCredential,
  CredentialFilter,
  GrantCredentialAccess,
  RecordSecurityIncident,
  SecurityIncidentFilter,
  UpdateCredential,
  UpdateSecurityIncident,
} from './security.commands';
import type { Scope } from '../kit/scope';
import { recordEvent } from '../webhooks/outbox';
import { securityIncidentRecorded } from '../webhooks/payloads';
import { Filter } from '../pagination/filter';

export const CREDENTIAL_ORDER: SortOrder<Credential> = { key: 'name', direction: 'ASC' };
export const INCIDENT_ORDER: SortOrder<SecurityIncident> = { key: 'detectedAt', direction: 'DESC' };
export const AUDIT_ORDER: SortOrder<CredentialAuditEntry> = { key: 'id', direction: 'DESC' };

export function credentialFilter(filter: CredentialFilter = {}): Filter {
  return (qb, a) => {
    if (!filter.includeArchived) notArchived(qb, a);
    if (filter.clientId) qb.andWhere(`${a}.clientId = :clientId`, { clientId: Number(filter.clientId) });
    if (filter.infrastructureId)
      qb.andWhere(`${a}.infrastructureId = :infrastructureId`, { infrastructureId: Number(filter.infrastructureId) });
    if (filter.kind) qb.andWhere(`${a}.kind = :kind`, { kind: filter.kind });
    if (filter.search) qb.andWhere(likeSql(`${a}.name`, 'search'), { search: likeContains(filter.search) });
  };
}

/** A client's active credentials, in the list order. */
export const credentialsOfClient = childListSpec(Credential, 'clientId', CREDENTIAL_ORDER, notArchived);
export const auditOfCredential = childListSpec(CredentialAuditEntry, 'credentialId', AUDIT_ORDER);
export const permissionsOfCredential = childListSpec(CredentialPermission, 'credentialId', { key: 'principal', direction: 'ASC' });

export function securityIncidentFilter(filter: SecurityIncidentFilter = {}): Filter {
  return (qb, a) => {
    if (filter.clientId) qb.andWhere(`${a}.clientId = :clientId`, { clientId: Number(filter.clientId) });
    if (filter.severity) qb.andWhere(`${a}.severity = :severity`, { severity: filter.severity });
    if (filter.status) qb.andWhere(`${a}.status = :status`, { status: filter.status });
    if (filter.detectedFrom) qb.andWhere(`${a}.detectedAt >= :detectedFrom`, { detectedFrom: dbTime(filter.detectedFrom) });
    if (filter.detectedBefore) qb.andWhere(`${a}.detectedAt < :detectedBefore`, { detectedBefore: dbTime(filter.detectedBefore) });
  };
}

/** A client's security incidents, in the list order. */
export const incidentsOfClient = childListSpec(SecurityIncident, 'clientId', INCIDENT_ORDER);

/** One row of the credential audit log, written in the caller's transaction. */
export async function auditCredential(
  manager: EntityManager,
  credentialId: number,
  action: CredentialAction,
  reason: string | null = null,
): Promise<void> {
  const origin = originOf(manager.queryRunner)!;
  await manager.insert(CredentialAuditEntry, {
    credentialId,
    action,
    actor: origin.actor,
    sessionId: null,
    reason,
    ip: null,
    requestId: origin.requestId,
    createdAt: now(),
  });
}

/** Infrastructure given with a client must be that client's; a credential for infrastructure belongs to its client. */
function ownerOf(referenced: Referenced, clientId: unknown): { clientId: number | null } {
  const infrastructure = referenced.infrastructureId as Infrastructure | undefined;
  if (infrastructure && clientId != null && infrastructure.clientId !== clientId) {
    throw new BadInputError('infrastructureId', `infrastructure ${infrastructure.id} belongs to another client`);
  }
  return { clientId: (clientId as number | undefined) ?? infrastructure?.clientId ?? null };
}

export const createCredential = (scope: Scope, input: CreateCredential) =>
  insertRecord(scope, 'createCredential', Credential, input, {
    references: { clientId: Client, infrastructureId: Infrastructure },
    derive: (columns, referenced) => ownerOf(referenced, columns.clientId),
    after: (manager, row) => auditCredential(manager, row.id, CredentialAction.CREATE),
  });

export const updateCredential = (scope: Scope, input: UpdateCredential) =>
  updateRecord(scope, Credential, input, { after: (manager, row) => auditCredential(manager, row.id, CredentialAction.UPDATE) });

/** Allows or withdraws a principal's right to reveal; setting it twice leaves one row. */
export function grantCredentialAccess(scope: Scope, input: GrantCredentialAccess): Promise<CredentialPermission> {
  return scope.db.transaction(scope, async (manager) => {
    const credential = await findOrFail(manager, Credential, input.credentialId, 'credentialId', true);
    const userId = /^user:(\d+)$/.exec(input.principal)?.[1];
    if (userId) await findOrFail(manager, User, userId, 'principal');
    const existing = await manager.findOneBy(CredentialPermission, { credentialId: credential.id, principal: input.principal });
    const permission =
      existing ?? manager.create(CredentialPermission, { credentialId: credential.id, principal: input.principal, createdAt: now() });
    Object.assign(permission, { canReveal: input.canReveal, grantedBy: scope.actor });
    return manager.save(permission);
  });
}

export function recordSecurityIncident(scope: Scope, input: RecordSecurityIncident): Promise<SecurityIncident> {
  const detectedAt = input.detectedAt ?? now();
  assertNotInFuture(detectedAt, 'detectedAt', now());
  return insertRecord(scope, 'recordSecurityIncident', SecurityIncident, input, {
    references: { clientId: Client, infrastructureId: Infrastructure },
    derive: (columns, referenced) => {
      ownerOf(referenced, columns.clientId);
      const status = input.status ?? IncidentStatus.OPEN;
      return { status, detectedAt, resolvedAt: null, timeline: [{ at: detectedAt, note: `Detected (${input.severity}, ${status})` }] };
    },
    after: async (manager, incident) => void (await recordEvent(manager, 'security_incident.recorded', securityIncidentRecorded(incident))),
  });
}

const FINISHED = [IncidentStatus.RESOLVED, IncidentStatus.CLOSED];

/** The timeline is stored as JSON in a TEXT column (64 KiB on MariaDB), and copied into each change-log row. */
const MAX_TIMELINE_BYTES = 48_000;

/** Every change of status or severity, and every note, becomes a timeline entry. */
export function updateSecurityIncident(scope: Scope, input: UpdateSecurityIncident): Promise<SecurityIncident> {
  return scope.db.transaction(scope, async (manager) => {
    const incident = await findOrFail(manager, SecurityIncident, input.id, 'id', true);
    const at = now();
    const events: string[] = [];
    if (input.severity && input.severity !== incident.severity) events.push(`Severity ${incident.severity} → ${input.severity}`);
    if (input.status && input.status !== incident.status) events.push(`Status ${incident.status} → ${input.status}`);
    if (input.note) events.push(input.note.trim());
    incident.timeline = [...incident.timeline, ...events.map((note) => ({ at, note }))];
    if (Buffer.byteLength(JSON.stringify(incident.timeline)) > MAX_TIMELINE_BYTES) {
      throw new BadInputError(
        'note',
        'the timeline is full; summarise what happened in the summary and close the incident, or record a follow-up incident',
      );
    }
    incident.severity = input.severity ?? incident.severity;
    incident.status = input.status ?? incident.status;
    if (FINISHED.includes(incident.status) && !incident.resolvedAt) incident.resolvedAt = at;
    if (input.summary !== undefined) incident.summary = input.summary;
    incident.updatedAt = at;
    return manager.save(incident);
  });
}
