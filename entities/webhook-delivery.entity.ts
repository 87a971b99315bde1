import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ForeignKey, TimestampColumn } from './columns';
import { Webhook, WebhookEvent } from './webhook.entity';

export enum DeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(DeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where the delivery of one event to one webhook stands.',
  valuesConfig: {
    PENDING: { description: 'Not delivered yet: waiting for its first attempt or a retry.' },
    DELIVERED: { description: 'The receiver answered 2xx.' },
    FAILED: { description: 'Every attempt failed; no more retries.' },
  },
});

/**
 * The outbox: one row per event and webhook, written in the transaction of the change that caused
 * the event, then delivered (and retried) by the webhook worker. The row is also the delivery log.
 */
@ObjectType({ description: 'One event for one webhook: what was sent, how often, and how it went.' })
@Entity('webhook_deliveries')
@Index('ix_webhook_deliveries_due', ['status', 'nextAttemptAt'])
@Index('ix_webhook_deliveries_webhook', ['webhookId', 'id'])
@Index('uq_webhook_deliveries_event', ['eventId'], { unique: true })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, {
    description: 'The event id, sent as X-Msp-Event-Id and `id` in the body; the same on every retry, so a receiver can drop duplicates.',
  })
  @Column('varchar', { length: 36 })
  eventId: string;

  @Column('int')
  webhookId: number;

  @ForeignKey(() => Webhook, 'webhook_id', { onDelete: 'CASCADE' })
  webhook?: Relation<Webhook>;

  @Field(() => WebhookEvent, { description: 'What happened.' })
  @Column('varchar', { length: 40 })
  event: WebhookEvent;

  @Field(() => String, { description: 'The exact JSON body POSTed (ids and metadata, never a secret).' })
  @Column('text')
  payload: string;

  @Field(() => DeliveryStatus, { description: 'Where it stands.' })
  @Column('varchar', { length: 10 })
  status: DeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far.' })
  @Column('int')
  attempts: number;

  @Field(() => Date, { description: 'When the next attempt is due (UTC); meaningless once delivered or failed.' })
  @TimestampColumn()
  nextAttemptAt: Date;

  @Column('varchar', { length: 64, nullable: true })
  leaseOwner: string | null;

  /** A worker's claim: until then no other worker sends it; a crashed worker's claim runs out. */
  @TimestampColumn({ nullable: true })
  leaseUntil: Date | null;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt, if the receiver answered.' })
  @Column('int', { nullable: true })
  lastStatusCode: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, if it did.' })
  @Column('varchar', { length: 500, nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: 'When the receiver accepted it (UTC).' })
  @TimestampColumn({ nullable: true })
  deliveredAt: Date | null;

  @Field(() => Date, { description: 'When the event happened (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => Date, { description: 'When the row last changed (UTC).' })
  @TimestampColumn()
  updatedAt: Date;
}
