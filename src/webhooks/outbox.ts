import { randomUUID } from 'node:crypto';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  EventSubscriber,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { now } from '../../entities/columns';
import { DeliveryStatus, WebhookDelivery } from '../../entities/webhook-delivery.entity';
import { Webhook, WebhookEvent } from '../../entities/webhook.entity';

/** An event's wire name, for example 'credential.revealed'. */
export type WebhookEventName = `${WebhookEvent}`;

/** What goes into a payload's `data`: ids and metadata only, never a secret value. */
export type EventData = Record<string, string | number | boolean | null | string[] | number[]>;

/** The body POSTed for one event to one webhook. */
export interface EventBody {
  id: string;
  type: WebhookEventName;
  occurredAt: string;
  data: EventData;
}

/** Transactions that wrote outbox rows: their commit wakes the workers of that database. */
const wrote = new WeakSet<QueryRunner>();
const listeners = new Map<DataSource, Set<() => void>>();

/** Calls `wake` after every commit that wrote outbox rows on this database; returns the unsubscribe. */
export function onOutboxCommit(dataSource: DataSource, wake: () => void): () => void {
  const set = listeners.get(dataSource) ?? new Set();
  listeners.set(dataSource, set.add(wake));
  return () => set.delete(wake);
}

/**
 * Writes the event into the outbox, one row per enabled webhook subscribed to it, in the caller's
 * transaction: it is sent if and only if the change commits. Returns how many deliveries it queued.
 * Call it from the transaction that makes the change (for example the PSA posting's, with 'session.posted').
 */
export async function recordEvent(
  manager: EntityManager,
  type: WebhookEvent | WebhookEventName,
  data: EventData,
  occurredAt: Date = now(),
): Promise<number> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error(`recordEvent(${type}) outside a transaction: the event must commit with its change`);
  const subscribed = (await manager.find(Webhook, { where: { enabled: true }, select: { id: true, events: true } })).filter((w) =>
    w.events.includes(type as WebhookEvent),
  );
  if (!subscribed.length) return 0;
  const at = now();
  const rows = subscribed.map((webhook) => {
    const eventId = randomUUID();
    const body: EventBody = { id: eventId, type: type as WebhookEventName, occurredAt: occurredAt.toISOString(), data };
    return {
      eventId,
      webhookId: webhook.id,
      event: type as WebhookEvent,
      payload: JSON.stringify(body),
      status: DeliveryStatus.PENDING,
      attempts: 0,
      nextAttemptAt: at,
      leaseOwner: null,
      leaseUntil: null,
      createdAt: at,
      updatedAt: at,
    };
  });
  await manager.insert(WebhookDelivery, rows);
  wrote.add(runner);
  return rows.length;
}

/** Wakes the delivery workers once a transaction that wrote outbox rows has committed (never before). */
@EventSubscriber()
export class OutboxCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (!wrote.delete(event.queryRunner)) return;
    for (const wake of listeners.get(event.connection) ?? []) wake();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    wrote.delete(event.queryRunner);
  }
}
