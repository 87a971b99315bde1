// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
/** Which ended sessions to mark billed: one session, or all of a client started in [from, to). */
export interface MarkBilled {
  sessionId?: string;
  clientId?: string;
  from?: Date;
  to?: Date;
}

/** Unlocks a billed session and its work items for editing; the reason goes to the change log. */
export interface UnlockBilled {
  sessionId: string;
  reason: string;
}

export interface RecomputeBilling {
  clientId: string;
  from: Date;
  to: Date;
  reason?: string;
}
