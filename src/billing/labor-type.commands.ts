// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
/** A new labor type: how a kind of work is billed. */
export interface CreateLaborType {
  name: string;
  minimumMinutes?: number;
  roundingIncrementMinutes?: number;
  multiplierPercent?: number;
  afterHours?: boolean;
  psaProductId?: string;
  isDefault?: boolean;
  idempotencyKey?: string;
}

/** Changes to a labor type; omitted fields stay. A rule change is a new version and never moves billed work. */
export interface UpdateLaborType {
  id: string;
  name?: string;
  minimumMinutes?: number;
  roundingIncrementMinutes?: number;
  multiplierPercent?: number;
  afterHours?: boolean;
  psaProductId?: string;
  active?: boolean;
  isDefault?: boolean;
}

export interface LaborTypeFilter {
  active?: boolean;
  afterHours?: boolean;
}
