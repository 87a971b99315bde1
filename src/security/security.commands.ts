// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
import type { CredentialKind } from '../../entities/credential.entity';
import type { IncidentSeverity, IncidentStatus } from '../../entities/security-incident.entity';

/** A credential’s metadata. The secret value is stored separately, encrypted by the vault. */
export interface CreateCredential {
  clientId?: string;
  infrastructureId?: string;
  name: string;
  kind: CredentialKind;
  username?: string;
  url?: string;
  notes?: string;
  idempotencyKey?: string;
}

/** Changes to a credential’s metadata; omitted fields stay. */
export interface UpdateCredential {
  id: string;
  name?: string;
  username?: string;
  url?: string;
  notes?: string;
}

/** Sets whether a principal may reveal a credential. */
export interface GrantCredentialAccess {
  credentialId: string;
  principal: string;
  canReveal: boolean;
}

export interface CredentialFilter {
  clientId?: string;
  infrastructureId?: string;
  kind?: CredentialKind;
  search?: string;
  includeArchived?: boolean;
}

/** A security incident at a client. */
export interface RecordSecurityIncident {
  clientId: string;
  infrastructureId?: string;
  title: string;
  severity: IncidentSeverity;
  status?: IncidentStatus;
  detectedAt?: Date;
  summary?: string;
  idempotencyKey?: string;
}

/** Moves an incident on: new status or severity, a timeline note, a summary. */
export interface UpdateSecurityIncident {
  id: string;
  severity?: IncidentSeverity;
  status?: IncidentStatus;
  note?: string;
  summary?: string;
}

export interface SecurityIncidentFilter {
  clientId?: string;
  severity?: IncidentSeverity;
  status?: IncidentStatus;
  detectedFrom?: Date;
  detectedBefore?: Date;
}
