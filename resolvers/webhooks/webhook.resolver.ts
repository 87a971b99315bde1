import { WebhookDelivery } from '../../entities/webhook-delivery.entity';
import { Webhook } from '../../entities/webhook.entity';
import { admins } from '../../src/graphql/access';
import {
  createWebhook,
  DELIVERY_ORDER,
  deleteWebhook,
  deliveryFilter,
  disableWebhook,
  enableWebhook,
  redeliverWebhookDelivery,
  updateWebhook,
  WEBHOOK_ORDER,
} from '../../src/webhooks/webhook.service';
import { belongsTo, byIdQuery, inputMutation, listQuery } from '../kit/record-resolvers';
import { CreateWebhookInput, UpdateWebhookInput, WebhookDeliveryFilter, WebhookDeliveryIdInput, WebhookIdInput } from './webhook.inputs';
import { CreateWebhookPayload, DeleteWebhookPayload, WebhookConnection, WebhookDeliveryConnection } from './webhook.types';
import { noFilter } from '../../src/pagination/filter';

/** Outbound webhooks: subscriptions and their delivery log, for admins only. */
export const webhookResolvers = [
  byIdQuery({
    name: 'webhook',
    access: admins,
    description: 'One webhook (admins); NOT_FOUND when there is none of that id.',
    entity: Webhook,
    idDescription: 'The webhook.',
  }),
  listQuery({
    name: 'webhooks',
    access: admins,
    description: 'Webhook subscriptions, newest first (admins).',
    entity: Webhook,
    connection: WebhookConnection,
    filter: () => noFilter,
    order: WEBHOOK_ORDER,
  }),
  listQuery({
    name: 'webhookDeliveries',
    access: admins,
    description: 'The webhook delivery log, newest first (admins): one row per event and webhook, with its attempts and last error.',
    entity: WebhookDelivery,
    connection: WebhookDeliveryConnection,
    filterType: WebhookDeliveryFilter,
    filter: deliveryFilter,
    order: DELIVERY_ORDER,
  }),
  belongsTo({
    on: WebhookDelivery,
    name: 'webhook',
    description: 'The webhook it is for.',
    target: Webhook,
    key: 'webhookId',
    required: true,
  }),
  inputMutation({
    name: 'createWebhook',
    access: admins,
    description:
      'Subscribes a URL to events. Each POST is signed (X-Msp-Signature: sha256=HMAC-SHA256 of "timestamp.body"); a generated secret is shown once in the answer.',
    input: CreateWebhookInput,
    returns: CreateWebhookPayload,
    run: createWebhook,
  }),
  inputMutation({
    name: 'updateWebhook',
    access: admins,
    description: 'Changes a webhook’s URL, events, secret or description.',
    input: UpdateWebhookInput,
    returns: Webhook,
    run: updateWebhook,
  }),
  inputMutation({
    name: 'enableWebhook',
    access: admins,
    description:
      'Enables a webhook again (after it was disabled by hand or after repeated failures), with its failure count reset; its pending deliveries resume.',
    input: WebhookIdInput,
    returns: Webhook,
    run: (ctx, input) => enableWebhook(ctx, input.id),
  }),
  inputMutation({
    name: 'disableWebhook',
    access: admins,
    description: 'Stops a webhook: no new events are queued for it, pending ones wait.',
    input: WebhookIdInput,
    returns: Webhook,
    run: (ctx, input) => disableWebhook(ctx, input.id),
  }),
  inputMutation({
    name: 'deleteWebhook',
    access: admins,
    description: 'Deletes a webhook and its delivery log.',
    input: WebhookIdInput,
    returns: DeleteWebhookPayload,
    run: (ctx, input) => deleteWebhook(ctx, input.id),
  }),
  inputMutation({
    name: 'redeliverWebhookDelivery',
    access: admins,
    description: 'Sends a FAILED delivery again, from a fresh attempt count, with the same event id.',
    input: WebhookDeliveryIdInput,
    returns: WebhookDelivery,
    run: (ctx, input) => redeliverWebhookDelivery(ctx, input.id),
  }),
];
