import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLSchema } from 'graphql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Context } from '../graphql/context';
import { requestStatementCount } from '../database/statement-counter';
import { retryStats } from '../database/transaction-retry';
import { credentialEvents, CredentialOutcome } from './events';

/** Operation names the client chose: only those naming a root field (as the SDK's do) become labels, so a client cannot grow the series. */
function knownOperationNames(schema: GraphQLSchema): (name: string | null | undefined) => string {
  const fields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
    Object.keys(type?.getFields() ?? {}),
  );
  const known = new Set(fields.flatMap((field) => [field, field[0].toUpperCase() + field.slice(1)]));
  return (name) => (name && known.has(name) ? name : 'unknown');
}

export interface Metrics {
  registry: Registry;
  plugin: ApolloServerPlugin<Context>;
  rateLimitRefused(limit: string): void;
  close(): void;
}

/** One registry per server: requests, statements, refusals, reveals, audit backlog and the process's own metrics. */
export function createMetrics(schema: GraphQLSchema, auditBacklog: () => number, revocationBusLive: () => boolean = () => false): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelOf = knownOperationNames(schema);
  const requests = new Counter({
    name: 'msp_graphql_requests_total',
    help: 'GraphQL requests by operation and outcome code',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'msp_graphql_request_duration_seconds',
    help: 'GraphQL request duration',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const statements = new Histogram({
    name: 'msp_graphql_request_statements',
    help: 'SQL statements one GraphQL request ran (token checks and audit rows apart)',
    labelNames: ['operation'],
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 100],
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'msp_rate_limit_refusals_total',
    help: 'Requests refused by a rate limit',
    labelNames: ['limit'],
    registers: [registry],
  });
  const reveals = new Counter({
    name: 'msp_credential_reveals_total',
    help: 'Credential reveals by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });
  new Gauge({
    name: 'msp_api_audit_queue_depth',
    help: 'API audit rows buffered, not yet written',
    registers: [registry],
    collect() {
      this.set(auditBacklog());
    },
  });
  const counted = (name: string, help: string, read: () => number) =>
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  counted(
    'msp_transaction_retries_total',
    'Transactions re-run after a deadlock, lock-wait timeout or Galera certification conflict',
    () => retryStats.retried,
  );
  counted('msp_transaction_retries_exhausted_total', 'Transactions that still conflicted after the last retry', () => retryStats.exhausted);
  new Gauge({
    name: 'msp_revocation_bus_live',
    help: '1 while revocations from other replicas arrive through Redis, else 0',
    registers: [registry],
    collect() {
      this.set(revocationBusLive() ? 1 : 0);
    },
  });
  const onReveal = (outcome: CredentialOutcome) => reveals.inc({ outcome });
  credentialEvents.on('reveal', onReveal);

  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      const stopTimer = duration.startTimer();
      return {
        async willSendResponse({ response, operationName }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          // codes are the server's own (OK, BAD_USER_INPUT, …), never user input
          const labels = {
            operation: labelOf(operationName),
            outcome: String(errors?.[0]?.extensions?.code ?? (errors?.length ? 'ERROR' : 'OK')).slice(0, 40),
          };
          requests.inc(labels);
          stopTimer(labels);
          const count = requestStatementCount();
          if (count !== undefined) statements.observe({ operation: labels.operation }, count);
        },
      };
    },
  };
  return {
    registry,
    plugin,
    rateLimitRefused: (limit) => refusals.inc({ limit }),
    close: () => {
      credentialEvents.off('reveal', onReveal);
      registry.clear();
    },
  };
}
