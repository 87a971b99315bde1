// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
export interface Idempotent {
  idempotencyKey?: string;
}
