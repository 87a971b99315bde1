// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
import type { FailureCategory } from '../../entities/command-run.entity';

/** A failure that was not a single command. Client and session must agree. */
export interface LogOperationFailure {
  sessionId?: string;
  clientId?: string;
  infrastructureId?: string;
  operation: string;
  description: string;
  errorMessage?: string;
  failureCategory?: FailureCategory;
  occurredAt?: Date;
  idempotencyKey?: string;
}

/** A failure pattern curated by hand (failure learning also maintains them). */
export interface RecordFailurePattern {
  signature: string;
  description: string;
  failureCategory?: FailureCategory;
  environmentConditions?: string[];
  recommendedAlternative?: string;
  idempotencyKey?: string;
}

/** Changes to a failure pattern; omitted fields stay. */
export interface UpdateFailurePattern {
  id: string;
  description?: string;
  environmentConditions?: string[];
  recommendedAlternative?: string;
}

/** Something learned about a client or a host; at least one of the two. */
export interface RecordEnvironmentalInsight {
  clientId?: string;
  infrastructureId?: string;
  insight: string;
  confidence: number;
  sourceFailureIds?: string[];
  idempotencyKey?: string;
}

/** Changes to an insight; omitted fields stay. */
export interface UpdateEnvironmentalInsight {
  id: string;
  insight?: string;
  confidence?: number;
  active?: boolean;
}

export interface FailurePatternFilter {
  failureCategory?: FailureCategory;
  search?: string;
}

export interface EnvironmentalInsightFilter {
  clientId?: string;
  infrastructureId?: string;
  active?: boolean;
}

export interface OperationFailureFilter {
  clientId?: string;
  infrastructureId?: string;
  failureCategory?: FailureCategory;
}
