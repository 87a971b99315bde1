import { now } from '../../entities/columns';
import { DeliveryStatus, WebhookDelivery } from '../../entities/webhook-delivery.entity';
import { Webhook, WebhookEvent } from '../../entities/webhook.entity';
import type { Scope } from '../kit/scope';
import { AppError, BadInputError } from '../core/errors';
import { SortOrder } from '../pagination/sort-order';
import { findOrFail } from '../kit/find-or-fail';
import type { CredentialVault } from '../security/vault/credential-vault';
import { sealSecret } from './secret';
import { generateSecret } from './signing';
import { assertUrlAllowed, parseWebhookUrl, RefusedUrlError } from './url-guard';
import { Filter } from '../pagination/filter';

export interface CreateWebhookCommand {
  url: string;
  events: WebhookEvent[];
  secret?: string | null;
  description?: string | null;
}

export interface UpdateWebhookCommand {
  id: string;
  url?: string | null;
  events?: WebhookEvent[] | null;
  secret?: string | null;
  description?: string | null;
}

export interface WebhookDeliveryCriteria {
  webhookId?: string | null;
  status?: DeliveryStatus | null;
  event?: WebhookEvent | null;
}

/** What webhook administration needs beside the caller's scope. */
export interface WebhookAdmin extends Scope {
  vault: CredentialVault | null;
  webhookUrls: { allowPrivateNetwork: boolean };
}

export const WEBHOOK_ORDER: SortOrder<Webhook> = { key: 'id', direction: 'DESC' };
export const DELIVERY_ORDER: SortOrder<WebhookDelivery> = { key: 'id', direction: 'DESC' };

export function deliveryFilter(filter: WebhookDeliveryCriteria = {}): Filter {
  return (qb, a) => {
    if (filter.webhookId) qb.andWhere(`${a}.webhookId = :webhookId`, { webhookId: Number(filter.webhookId) });
    if (filter.status) qb.andWhere(`${a}.status = :status`, { status: filter.status });
    if (filter.event) qb.andWhere(`${a}.event = :event`, { event: filter.event });
  };
}

function vaultOf(admin: WebhookAdmin): CredentialVault {
  if (!admin.vault)
    throw new AppError(
      'VAULT_UNAVAILABLE',
      'The vault has no key, so a webhook secret cannot be stored: set MSP_VAULT_KEY or MSP_VAULT_KEYRING_FILE and restart.',
    );
  return admin.vault;
}

/** The URL as stored, refused (BAD_USER_INPUT on `url`) when malformed or resolving to a non-public address. */
async function checkedUrl(admin: WebhookAdmin, raw: string): Promise<string> {
  try {
    const url = parseWebhookUrl(raw.trim());
    await assertUrlAllowed(url, admin.webhookUrls.allowPrivateNetwork);
    return url.toString();
  } catch (error) {
    if (error instanceof RefusedUrlError) throw new BadInputError('url', error.message);
    throw error;
  }
}

const distinct = (events: WebhookEvent[]) => [...new Set(events)];

/** A new subscription. Its secret is sealed by the vault; the answer shows a generated one once (null when the caller gave it). */
export async function createWebhook(
  admin: WebhookAdmin,
  input: CreateWebhookCommand,
): Promise<{ webhook: Webhook; secret: string | null }> {
  const vault = vaultOf(admin);
  const url = await checkedUrl(admin, input.url);
  const secret = input.secret ?? generateSecret();
  const webhook = await admin.db.transaction(admin, async (manager) => {
    const at = now();
    const row = await manager.save(
      manager.create(Webhook, {
        url,
        events: distinct(input.events),
        description: input.description?.trim() || null,
        enabled: true,
        consecutiveFailures: 0,
        createdAt: at,
        updatedAt: at,
      }),
    );
    Object.assign(row, sealSecret(vault, row.id, secret));
    return manager.save(row);
  });
  return { webhook, secret: input.secret ? null : secret };
}

export async function updateWebhook(admin: WebhookAdmin, input: UpdateWebhookCommand): Promise<Webhook> {
  const url = input.url != null ? await checkedUrl(admin, input.url) : undefined;
  const vault = input.secret != null ? vaultOf(admin) : null;
  return admin.db.transaction(admin, async (manager) => {
    const webhook = await findOrFail(manager, Webhook, input.id, 'id', true);
    if (url) webhook.url = url;
    if (input.events) webhook.events = distinct(input.events);
    if (input.description !== undefined && input.description !== null) webhook.description = input.description.trim() || null;
    if (vault && input.secret) Object.assign(webhook, sealSecret(vault, webhook.id, input.secret));
    webhook.updatedAt = now();
    return manager.save(webhook);
  });
}

/** Enabled again with a clean failure count; deliveries left PENDING resume. */
export function enableWebhook(admin: Scope, id: string): Promise<Webhook> {
  return admin.db.transaction(admin, async (manager) => {
    const webhook = await findOrFail(manager, Webhook, id, 'id', true);
    Object.assign(webhook, { enabled: true, consecutiveFailures: 0, disabledAt: null, disabledReason: null, updatedAt: now() });
    return manager.save(webhook);
  });
}

/** No new events are queued for it and its pending deliveries wait; disabling twice changes nothing. */
export function disableWebhook(admin: Scope, id: string): Promise<Webhook> {
  return admin.db.transaction(admin, async (manager) => {
    const webhook = await findOrFail(manager, Webhook, id, 'id', true);
    if (!webhook.enabled) return webhook;
    const at = now();
    Object.assign(webhook, { enabled: false, disabledAt: at, disabledReason: `disabled by ${admin.actor}`, updatedAt: at });
    return manager.save(webhook);
  });
}

/** The subscription and its delivery log are removed; nothing more is sent to it. */
export function deleteWebhook(admin: Scope, id: string): Promise<{ id: number; deliveriesDeleted: number }> {
  return admin.db.transaction(admin, async (manager) => {
    const webhook = await findOrFail(manager, Webhook, id, 'id', true);
    const deleted = await manager.delete(WebhookDelivery, { webhookId: webhook.id });
    await manager.delete(Webhook, { id: webhook.id });
    return { id: webhook.id, deliveriesDeleted: deleted.affected ?? 0 };
  });
}

/** A FAILED delivery tried again from its first attempt (the same event id), for after the receiver is fixed. */
export function redeliverWebhookDelivery(admin: Scope, id: string): Promise<WebhookDelivery> {
  return admin.db.transaction(admin, async (manager) => {
    const delivery = await findOrFail(manager, WebhookDelivery, id, 'id', true);
    if (delivery.status !== DeliveryStatus.FAILED)
      throw new BadInputError('id', `delivery ${delivery.id} is ${delivery.status}; only a FAILED one is sent again`);
    const at = now();
    Object.assign(delivery, { status: DeliveryStatus.PENDING, attempts: 0, nextAttemptAt: at, updatedAt: at });
    return manager.save(delivery);
  });
}
