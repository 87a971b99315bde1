// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
import type { SessionMode } from '../../entities/session.entity';

export enum SessionOrder {
  STARTED_AT_DESC = 'STARTED_AT_DESC',
  STARTED_AT_ASC = 'STARTED_AT_ASC',
}

/** Starts a session. MSP needs clientId, DEV needs projectId, NORMAL takes neither. */
export interface StartSession {
  mode: SessionMode;
  clientId?: string;
  projectId?: string;
  machineId?: string;
  title?: string;
  billable?: boolean;
  startedAt?: Date;
  idempotencyKey?: string;
}

/** Ends an open session. */
export interface EndSession {
  sessionId: string;
  endedAt?: Date;
  summary?: string;
  idempotencyKey?: string;
}

/** Changes to a session; omitted fields stay. Time and billable flag are locked while the session is billed. */
export interface UpdateSession {
  id: string;
  title?: string;
  billable?: boolean;
  startedAt?: Date;
  endedAt?: Date;
  summary?: string;
}

/** Adds tags to a session; tags it already has are kept once. */
export interface TagSession {
  sessionId: string;
  tags: string[];
}

export interface SessionFilter {
  clientId?: string;
  projectId?: string;
  machineId?: string;
  mode?: SessionMode;
  billable?: boolean;
  startedFrom?: Date;
  startedBefore?: Date;
  open?: boolean;
}
