import { Field, ObjectType, Int, registerEnumType } from 'type-graphql';
import { TicketLink } from '../../entities/ticket-link.entity';

@ObjectType({ description: 'A PSA ticket, compact.' })
export class PsaTicketSummary {
  @Field(() => String, { description: 'The PSA’s internal id (what postSessionToTicket’s ticket.id takes).' })
  id: string;

  @Field(() => String, { description: 'The number people see.' })
  number: string;

  @Field(() => String, { description: 'Subject.' })
  subject: string;

  @Field(() => String, { nullable: true, description: 'Customer name.' })
  customer: string | null;

  @Field(() => String, { nullable: true, description: 'Status name.' })
  status: string | null;

  @Field(() => Date, { nullable: true, description: 'When it last changed (UTC).' })
  updatedAt: Date | null;
}

@ObjectType({ description: 'Tickets found in a PSA.' })
export class TicketSearchResult {
  @Field(() => [PsaTicketSummary], { description: 'The tickets, in the PSA’s order.' })
  tickets: PsaTicketSummary[];

  @Field(() => String, { description: 'The list as lines an agent can paste.' })
  text: string;
}

export enum PostedTimeKind {
  TIMER = 'TIMER',
  LINE_ITEM = 'LINE_ITEM',
}
registerEnumType(PostedTimeKind, {
  name: 'PostedTimeKind',
  description: 'How time was posted.',
  valuesConfig: {
    TIMER: { description: 'A timer entry (charged where the PSA bills in two steps).' },
    LINE_ITEM: { description: 'A billed line item.' },
  },
});

@ObjectType({ description: 'The comment posted.' })
export class PostedComment {
  @Field(() => String, { description: 'The PSA’s comment id.' })
  id: string;

  @Field(() => Boolean, { description: 'Found on the PSA (an earlier attempt had landed it) rather than posted by this call.' })
  reconciled: boolean;
}

@ObjectType({ description: 'Time posted for one labor product.' })
export class PostedTime {
  @Field(() => String, { description: 'The PSA’s id of the timer entry or line item.' })
  id: string;

  @Field(() => PostedTimeKind, { description: 'Timer entry or line item.' })
  kind: PostedTimeKind;

  @Field(() => Int, { description: 'Billable minutes posted.' })
  minutes: number;

  @Field(() => String, { nullable: true, description: 'The labor product; null for the PSA’s default.' })
  productId: string | null;

  @Field(() => Boolean, { description: 'Billed on the PSA (charged).' })
  charged: boolean;

  @Field(() => Boolean, { description: 'Found on the PSA (an earlier attempt had landed it) rather than posted by this call.' })
  reconciled: boolean;
}

@ObjectType({ description: 'What postSessionToTicket posted, with the PSA’s ids.' })
export class PostSessionToTicketPayload {
  @Field(() => TicketLink, { description: 'The session’s link to the ticket.' })
  ticketLink: TicketLink;

  @Field(() => PsaTicketSummary, { description: 'The ticket.' })
  ticket: PsaTicketSummary;

  @Field(() => PostedComment, { nullable: true, description: 'The summary comment; null when not asked for.' })
  comment: PostedComment | null;

  @Field(() => [PostedTime], { description: 'The time posted, one per labor product; empty when none is billable.' })
  timeEntries: PostedTime[];

  @Field(() => Boolean, { description: 'The session had been posted to this ticket before: nothing new was posted.' })
  alreadyPosted: boolean;

  @Field(() => String, { description: 'One line saying what was posted.' })
  text: string;
}
