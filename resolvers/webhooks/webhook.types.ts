import { Field, ID, Int, ObjectType } from 'type-graphql';
import { WebhookDelivery } from '../../entities/webhook-delivery.entity';
import { Webhook } from '../../entities/webhook.entity';
import { Connection } from '../../src/pagination/connection';

@ObjectType({ description: 'A new webhook and, when the server generated it, its secret.' })
export class CreateWebhookPayload {
  @Field(() => Webhook, { description: 'The subscription, enabled.' })
  webhook: Webhook;

  @Field(() => String, {
    nullable: true,
    description: 'The generated signing secret, shown only in this answer (the database keeps it encrypted); null when you gave your own.',
  })
  secret: string | null;
}

@ObjectType({ description: 'What deleteWebhook removed.' })
export class DeleteWebhookPayload {
  @Field(() => ID, { description: 'The webhook that was deleted.' })
  id: number;

  @Field(() => Int, { description: 'How many rows of its delivery log went with it.' })
  deliveriesDeleted: number;
}

@ObjectType({ description: 'A page of webhooks, newest first.' })
export class WebhookConnection extends Connection(Webhook) {}

@ObjectType({ description: 'A page of webhook deliveries, newest first.' })
export class WebhookDeliveryConnection extends Connection(WebhookDelivery) {}
