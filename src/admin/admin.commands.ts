// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
import type { UserRole } from '../../entities/user.entity';
import type { IntegrationOutcome } from '../../entities/external-integration-call.entity';

/** A new technician or admin; they set their password with the invite the answer carries. */
export interface CreateUser {
  email: string;
  displayName: string;
  role: UserRole;
  idempotencyKey?: string;
}

/** Whom to invite; their older unused invites stop working. */
export interface CreateInvite {
  userId: string;
}

/** Changes to a user; omitted fields stay. */
export interface UpdateUser {
  id: string;
  displayName?: string;
  role?: UserRole;
  active?: boolean;
}

/** Credentials for an external system: metadata now; the secret is stored encrypted by the vault. */
export interface CreateIntegrationCredential {
  provider: string;
  name: string;
  baseUrl?: string;
  idempotencyKey?: string;
}

/** Links a session to a ticket in an external PSA; linking twice returns the same link. */
export interface LinkTicket {
  sessionId: string;
  provider: string;
  ticketId: string;
  ticketNumber?: string;
  url?: string;
}

export interface IntegrationCallFilter {
  provider?: string;
  sessionId?: string;
  outcome?: IntegrationOutcome;
}

export interface ApiAuditFilter {
  actor?: string;
  outcome?: string;
  from?: Date;
  to?: Date;
}
