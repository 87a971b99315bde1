// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
/** A block of hours a client bought in advance. */
export interface AddPrepaidBlock {
  clientId: string;
  hours: number;
  purchasedAt: Date;
  expiresAt?: Date;
  note: string;
  idempotencyKey?: string;
}
