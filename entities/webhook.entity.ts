import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Audited } from './audited';
import { TimestampColumn } from './columns';

/** What a webhook can be told about; the GraphQL names, the wire names are in WEBHOOK_EVENT_NAMES. */
export enum WebhookEvent {
  SESSION_ENDED = 'session.ended',
  SESSION_POSTED = 'session.posted',
  COMMAND_FAILED = 'command.failed',
  CREDENTIAL_REVEALED = 'credential.revealed',
  SECURITY_INCIDENT_RECORDED = 'security_incident.recorded',
  BILLING_LOCKED = 'billing.locked',
}
registerEnumType(WebhookEvent, {
  name: 'WebhookEvent',
  description: 'An event a webhook can subscribe to; the POST names it in `type` and `X-Msp-Event` as written in each value’s description.',
  valuesConfig: {
    SESSION_ENDED: { description: '"session.ended": a session was ended (endSession).' },
    SESSION_POSTED: { description: '"session.posted": a session was posted to a PSA ticket.' },
    COMMAND_FAILED: { description: '"command.failed": a failed command was logged (logCommand with success: false).' },
    CREDENTIAL_REVEALED: { description: '"credential.revealed": a credential’s value was revealed (never the value itself).' },
    SECURITY_INCIDENT_RECORDED: { description: '"security_incident.recorded": a security incident was recorded.' },
    BILLING_LOCKED: { description: '"billing.locked": sessions and their work items were marked billed (markBilled).' },
  },
});

@ObjectType({ description: 'A subscription: events are POSTed to its URL, signed with its secret (never shown after creation).' })
@Audited()
@Entity('webhooks')
export class Webhook {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'Where events are POSTed (http or https).' })
  @Column('varchar', { length: 2000 })
  url: string;

  @Field(() => String, { nullable: true, description: 'What it is for, for example "n8n ticket sync".' })
  @Column('varchar', { length: 200, nullable: true })
  description: string | null;

  @Field(() => [WebhookEvent], { description: 'The events it receives.' })
  @Column('simple-json')
  events: WebhookEvent[];

  @Column('text', { nullable: true })
  ciphertext: string | null;

  @Column('varchar', { length: 32, nullable: true })
  iv: string | null;

  @Column('varchar', { length: 32, nullable: true })
  authTag: string | null;

  @Column('int', { nullable: true })
  keyVersion: number | null;

  @Field(() => Boolean, {
    description: 'False while disabled (by an admin, or after too many consecutive failures): it receives no new events.',
  })
  @Column('boolean')
  enabled: boolean;

  @Field(() => Int, { description: 'Failed delivery attempts since the last success; at the configured limit the webhook is disabled.' })
  @Column('int')
  consecutiveFailures: number;

  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt failed (an HTTP status, a timeout, a refused address), if it did.',
  })
  @Column('varchar', { length: 500, nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: 'When the last attempt failed (UTC).' })
  @TimestampColumn({ nullable: true })
  lastFailureAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was disabled (UTC); null while enabled.' })
  @TimestampColumn({ nullable: true })
  disabledAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was disabled: by whom, or after how many failures.' })
  @Column('varchar', { length: 500, nullable: true })
  disabledReason: string | null;

  @Field(() => Date, { description: 'When it was created (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => Date, { description: 'When it was last changed (UTC).' })
  @TimestampColumn()
  updatedAt: Date;
}
