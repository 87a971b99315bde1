// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
import type { WorkCategory } from '../../entities/work-item.entity';

/** A piece of work done in a session. */
export interface LogWorkItem {
  sessionId: string;
  category?: WorkCategory;
  description: string;
  minutes: number;
  billable?: boolean;
  laborTypeId?: string;
  startedAt?: Date;
  tags?: string[];
  idempotencyKey?: string;
}

/** Changes to a work item; omitted fields stay. Minutes, billable flag, labor type and start are locked while it is billed. */
export interface UpdateWorkItem {
  id: string;
  category?: WorkCategory;
  description?: string;
  minutes?: number;
  billable?: boolean;
  laborTypeId?: string;
  startedAt?: Date;
}
