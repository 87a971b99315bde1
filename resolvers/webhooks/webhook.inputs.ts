import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DeliveryStatus } from '../../entities/webhook-delivery.entity';
import { WebhookEvent } from '../../entities/webhook.entity';
import type { CreateWebhookCommand, UpdateWebhookCommand, WebhookDeliveryCriteria } from '../../src/webhooks/webhook.service';
import { IsId, NotBlank } from '../kit/validators';

const EVENT_COUNT = Object.keys(WebhookEvent).length;
const SECRET = /^[\x21-\x7e]+$/;
const SECRET_MESSAGE = '$property must be printable ASCII without spaces';

@InputType({ description: 'A new webhook subscription.' })
export class CreateWebhookInput implements CreateWebhookCommand {
  @Field(() => String, {
    description:
      'http(s) URL the events are POSTed to (up to 2000 characters). Refused when it resolves to a loopback, link-local or private address, unless the server allows those (WEBHOOK_ALLOW_PRIVATE_NETWORK).',
  })
  @NotBlank()
  @MaxLength(2000)
  url: string;

  @Field(() => [WebhookEvent], { description: 'The events to receive (at least one).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(EVENT_COUNT)
  @IsEnum(WebhookEvent, { each: true })
  events: WebhookEvent[];

  @Field(() => String, {
    nullable: true,
    description: 'The signing secret (16 to 200 printable characters). Omit it and one is generated and shown once in the answer.',
  })
  @IsOptional()
  @MinLength(16)
  @MaxLength(200)
  @Matches(SECRET, { message: SECRET_MESSAGE })
  secret?: string;

  @Field(() => String, { nullable: true, description: 'What it is for (up to 200 characters).' })
  @IsOptional()
  @MaxLength(200)
  description?: string;
}

@InputType({ description: 'Changes to a webhook; omitted fields stay.' })
export class UpdateWebhookInput implements UpdateWebhookCommand {
  @Field(() => ID, { description: 'The webhook.' })
  @IsId()
  id: string;

  @Field(() => String, { nullable: true, description: 'New URL, checked like a new subscription’s.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(2000)
  url?: string;

  @Field(() => [WebhookEvent], { nullable: true, description: 'The events to receive from now on (at least one).' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(EVENT_COUNT)
  @IsEnum(WebhookEvent, { each: true })
  events?: WebhookEvent[];

  @Field(() => String, {
    nullable: true,
    description: 'A new signing secret (16 to 200 printable characters); deliveries from now on are signed with it.',
  })
  @IsOptional()
  @MinLength(16)
  @MaxLength(200)
  @Matches(SECRET, { message: SECRET_MESSAGE })
  secret?: string;

  @Field(() => String, { nullable: true, description: 'New description (up to 200 characters; empty clears it).' })
  @IsOptional()
  @MaxLength(200)
  description?: string;
}

@InputType({ description: 'Which webhook.' })
export class WebhookIdInput {
  @Field(() => ID, { description: 'The webhook.' })
  @IsId()
  id: string;
}

@InputType({ description: 'Which delivery.' })
export class WebhookDeliveryIdInput {
  @Field(() => ID, { description: 'The delivery.' })
  @IsId()
  id: string;
}

@InputType({ description: 'Conditions on webhook deliveries; all given ones must hold.' })
export class WebhookDeliveryFilter implements WebhookDeliveryCriteria {
  @Field(() => ID, { nullable: true, description: 'Deliveries to this webhook.' })
  @IsOptional()
  @IsId()
  webhookId?: string;

  @Field(() => DeliveryStatus, { nullable: true, description: 'Only deliveries in this state.' })
  @IsOptional()
  @IsEnum(DeliveryStatus)
  status?: DeliveryStatus;

  @Field(() => WebhookEvent, { nullable: true, description: 'Only this event.' })
  @IsOptional()
  @IsEnum(WebhookEvent)
  event?: WebhookEvent;
}
