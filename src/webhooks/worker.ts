import { countedAs } from '../database/statement-counter';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { EntityManager } from 'typeorm';
import { now } from '../../entities/columns';
import { DeliveryStatus, WebhookDelivery } from '../../entities/webhook-delivery.entity';
import { Webhook } from '../../entities/webhook.entity';
import type { Database } from '../database/database';
import { dbTime } from '../database/db-time';
import { writeLock } from '../database/dialect';
import type { Logger } from '../logger';
import type { CredentialVault } from '../security/vault/credential-vault';
import { postOnce, PostOutcome } from './http-post';
import { openSecret } from './secret';
import type { WebhookSettings } from './settings';
import { signatureOf } from './signing';

/** Deliveries one round claims; the next round starts at once while rows are due. */
const BATCH = 10;
/** A claim outlives the POST by this much, so a live worker never loses its claim to another. */
const LEASE_MARGIN_MS = 60_000;

const origin = (eventId: string) => ({ requestId: `webhook-worker:${eventId}`, actor: 'system:webhook-worker' });

/** The wait before attempt `attempts + 1`: base × 2^(attempts − 1), capped, with up to half taken off at random. */
export function retryDelayMs(
  attempts: number,
  settings: Pick<WebhookSettings, 'retryBaseMs' | 'retryMaxMs'>,
  random = Math.random(),
): number {
  const full = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.min(attempts - 1, 30));
  return Math.round(full * (1 - random / 2));
}

/**
 * Sends the outbox off the request path: wakes after a commit that wrote deliveries, and polls for
 * retries and rows other replicas left. Each row is claimed with a conditional UPDATE (a lease), so two
 * workers on one database never send the same delivery at once; a crashed worker's lease runs out.
 */
export class WebhookWorker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private again = false;
  private unsubscribe: () => void = () => undefined;

  constructor(
    private readonly db: Database,
    private readonly vault: CredentialVault | null,
    private readonly settings: WebhookSettings,
    private readonly logger: Logger,
    private readonly onCommit: (wake: () => void) => () => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.unsubscribe = this.onCommit(() => this.wake());
    this.wake();
  }

  /** Stops polling and waits for the attempts in flight to be recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    await this.round;
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.round) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    // off the request path: its statements are nobody's operation, even when a request's commit woke it
    this.round = countedAs('background', () => this.drain()).finally(() => {
      this.round = null;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        return this.wake();
      }
      this.timer = setTimeout(() => this.wake(), this.settings.pollIntervalMs);
      this.timer.unref();
    });
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.deliverDue()) === BATCH);
    } catch (err) {
      this.logger.warn({ err }, 'webhook worker: a round failed; retrying at the next poll');
    }
  }

  /** One round: claims up to BATCH due deliveries and sends them in parallel. Returns how many it claimed. */
  async deliverDue(): Promise<number> {
    if (!this.vault) return 0; // no key, no signature: the rows wait for a vault
    const claimed = await this.claim();
    await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
    return claimed.length;
  }

  private claim(): Promise<WebhookDelivery[]> {
    const at = now();
    return this.db.transaction({ requestId: `webhook-worker:claim:${randomUUID()}`, actor: 'system:webhook-worker' }, async (manager) => {
      const due = await manager
        .createQueryBuilder(WebhookDelivery, 'd')
        .innerJoinAndSelect('d.webhook', 'w')
        .where('d.status = :pending AND w.enabled = :enabled', { pending: DeliveryStatus.PENDING, enabled: true })
        .andWhere('d.nextAttemptAt <= :now AND (d.leaseUntil IS NULL OR d.leaseUntil < :now)', { now: dbTime(at) })
        .orderBy('d.id', 'ASC')
        .limit(BATCH)
        .getMany();
      const leaseUntil = new Date(at.getTime() + this.settings.timeoutMs + LEASE_MARGIN_MS);
      const mine: WebhookDelivery[] = [];
      for (const delivery of due) if (await this.lease(manager, delivery.id, at, leaseUntil)) mine.push(delivery);
      return mine;
    });
  }

  /** True when this worker got the row: no other worker holds a live lease on it. */
  private async lease(manager: EntityManager, id: number, at: Date, leaseUntil: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set({ leaseOwner: this.id, leaseUntil })
      .where('id = :id AND status = :pending AND (lease_until IS NULL OR lease_until < :now)', {
        id,
        pending: DeliveryStatus.PENDING,
        now: dbTime(at),
      })
      .execute();
    return result.affected === 1;
  }

  private async deliver(delivery: WebhookDelivery): Promise<void> {
    const webhook = delivery.webhook!;
    let outcome: PostOutcome;
    try {
      const secret = openSecret(this.vault!, webhook);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'msp-tracker-webhooks/1',
        'x-msp-event': delivery.event,
        'x-msp-event-id': delivery.eventId,
        'x-msp-timestamp': timestamp,
        'x-msp-signature': signatureOf(secret, timestamp, delivery.payload),
        'x-msp-delivery-attempt': String(delivery.attempts + 1),
      };
      outcome = await postOnce(webhook.url, headers, delivery.payload, this.settings);
    } catch (error) {
      outcome = { ok: false, statusCode: null, error: `not sent: ${(error as Error).message}`.slice(0, 500) };
    }
    try {
      await this.record(delivery, outcome);
    } catch (err) {
      // the lease runs out and the row is sent again: at least once
      this.logger.warn({ err, eventId: delivery.eventId }, 'webhook worker: could not record an attempt');
    }
  }

  /** The attempt's outcome on the delivery and on its webhook (failure count, last error, disabling). */
  private record(claimed: WebhookDelivery, outcome: PostOutcome): Promise<void> {
    return this.db.transaction(origin(claimed.eventId), async (manager) => {
      const delivery = await manager.findOne(WebhookDelivery, { where: { id: claimed.id }, ...writeLock(manager) });
      if (!delivery || delivery.leaseOwner !== this.id) return;
      const at = now();
      Object.assign(delivery, {
        attempts: delivery.attempts + 1,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        leaseOwner: null,
        leaseUntil: null,
        updatedAt: at,
      });
      if (outcome.ok) Object.assign(delivery, { status: DeliveryStatus.DELIVERED, deliveredAt: at });
      else if (delivery.attempts >= this.settings.maxAttempts) delivery.status = DeliveryStatus.FAILED;
      else delivery.nextAttemptAt = new Date(at.getTime() + retryDelayMs(delivery.attempts, this.settings));
      await manager.save(delivery);
      await this.recordOnWebhook(manager, delivery.webhookId, outcome, at);
    });
  }

  private async recordOnWebhook(manager: EntityManager, webhookId: number, outcome: PostOutcome, at: Date): Promise<void> {
    const webhook = await manager.findOne(Webhook, { where: { id: webhookId }, ...writeLock(manager) });
    if (!webhook) return;
    if (outcome.ok) {
      if (webhook.consecutiveFailures === 0) return; // a success changes nothing worth a change-log row
      webhook.consecutiveFailures = 0;
    } else {
      webhook.consecutiveFailures += 1;
      Object.assign(webhook, { lastError: outcome.error, lastFailureAt: at });
      if (webhook.enabled && webhook.consecutiveFailures >= this.settings.disableAfterFailures) {
        Object.assign(webhook, {
          enabled: false,
          disabledAt: at,
          disabledReason: `disabled after ${webhook.consecutiveFailures} consecutive failed attempts; last: ${outcome.error}`.slice(0, 500),
        });
        this.logger.warn({ webhookId, lastError: outcome.error }, 'webhook disabled after repeated failures');
      }
    }
    webhook.updatedAt = at;
    await manager.save(webhook);
  }
}
