import type { CommandRun } from '../../entities/command-run.entity';
import type { Credential } from '../../entities/credential.entity';
import type { SecurityIncident } from '../../entities/security-incident.entity';
import type { Session } from '../../entities/session.entity';
import type { EventData } from './outbox';

/*
 * What each event tells a receiver: ids and metadata to look the rest up with, never a secret, a
 * command line or free text someone may have typed a password into.
 */

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Lists in a payload stop here; the count says how many there were. */
const MAX_IDS = 500;

export const sessionEnded = (s: Session): EventData => ({
  sessionId: s.id,
  mode: s.mode,
  clientId: s.clientId,
  projectId: s.projectId,
  machineId: s.machineId,
  billable: s.billable,
  startedAt: iso(s.startedAt),
  endedAt: iso(s.endedAt),
});

export const commandFailed = (c: CommandRun, clientId: number | null): EventData => ({
  commandId: c.id,
  sessionId: c.sessionId,
  clientId,
  infrastructureId: c.infrastructureId,
  exitCode: c.exitCode,
  failureCategory: c.failureCategory,
  shell: c.shell,
  ranAt: iso(c.ranAt),
});

export const credentialRevealed = (c: Credential, who: { actor: string; requestId: string; agentSessionId: number | null }): EventData => ({
  credentialId: c.id,
  clientId: c.clientId,
  infrastructureId: c.infrastructureId,
  kind: c.kind,
  revealedBy: who.actor,
  agentSessionId: who.agentSessionId,
  requestId: who.requestId,
  revealedAt: iso(c.lastRevealedAt),
});

export const securityIncidentRecorded = (i: SecurityIncident): EventData => ({
  incidentId: i.id,
  clientId: i.clientId,
  infrastructureId: i.infrastructureId,
  severity: i.severity,
  status: i.status,
  detectedAt: iso(i.detectedAt),
});

export const billingLocked = (sessions: Pick<Session, 'id' | 'clientId'>[], workItemsBilled: number, billedAt: Date): EventData => ({
  sessionIds: sessions.slice(0, MAX_IDS).map((s) => s.id),
  sessionCount: sessions.length,
  clientIds: [...new Set(sessions.map((s) => s.clientId).filter((id): id is number => id != null))].slice(0, MAX_IDS),
  workItemsBilled,
  billedAt: billedAt.toISOString(),
});

/** For the PSA posting ('session.posted'): the lead calls recordEvent with it from the posting transaction. */
export const sessionPosted = (p: {
  sessionId: number;
  clientId: number | null;
  integrationId: number;
  provider: string;
  ticketId: string;
  commentId?: string | null;
  timeEntryId?: string | null;
}): EventData => ({
  sessionId: p.sessionId,
  clientId: p.clientId,
  integrationId: p.integrationId,
  provider: p.provider,
  ticketId: p.ticketId,
  commentId: p.commentId ?? null,
  timeEntryId: p.timeEntryId ?? null,
});
