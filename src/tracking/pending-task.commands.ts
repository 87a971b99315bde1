// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
import type { PendingTaskStatus } from '../../entities/pending-task.entity';

/** Something left to do. Client and project are filled in from the session or project when omitted. */
export interface AddPendingTask {
  title: string;
  notes?: string;
  clientId?: string;
  projectId?: string;
  sessionId?: string;
  dueDate?: string;
  idempotencyKey?: string;
}

/** Marks a pending task done. */
export interface CompletePendingTask {
  pendingTaskId: string;
}

export interface PendingTaskFilter {
  clientId?: string;
  projectId?: string;
  sessionId?: string;
  status?: PendingTaskStatus;
  dueOnOrBefore?: string;
}
