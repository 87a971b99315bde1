import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsId, NotBlank } from '../kit/validators';
import type { MarkBilled, UnlockBilled, RecomputeBilling } from '../../src/billing/billing.commands';

@InputType({ description: 'Which ended sessions to mark billed: one session, or all of a client started in [from, to).' })
export class MarkBilledInput implements MarkBilled {
  @Field(() => ID, { nullable: true, description: 'One session to mark billed (it must have ended).' })
  @IsOptional()
  @IsId()
  sessionId?: string;

  @Field(() => ID, { nullable: true, description: "Mark the client's ended sessions in the range." })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => Date, { nullable: true, description: 'Range start (inclusive), with clientId.' })
  @IsOptional()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Range end (exclusive), with clientId.' })
  @IsOptional()
  to?: Date;
}

@ObjectType({ description: 'What markBilled locked.' })
export class MarkBilledPayload {
  @Field(() => Int, { description: 'Sessions newly marked billed (already billed ones are not counted).' })
  sessionsBilled: number;

  @Field(() => Int, { description: 'Work items newly marked billed.' })
  workItemsBilled: number;
}

@InputType({ description: 'Unlocks a billed session and its work items for editing; the reason goes to the change log.' })
export class UnlockBilledInput implements UnlockBilled {
  @Field(() => ID, { description: 'The billed session.' })
  @IsId()
  sessionId: string;

  @Field(() => String, { description: 'Why the invoiced time must change (1 to 500 characters).' })
  @NotBlank()
  @MaxLength(500)
  reason: string;
}

@InputType({
  description: "Recomputes the billable minutes of a client's unlocked work in sessions started in [from, to) with the current rules.",
})
export class RecomputeBillingInput implements RecomputeBilling {
  @Field(() => ID, { description: 'The client whose work to recompute.' })
  @IsId()
  clientId: string;

  @Field(() => Date, { description: 'Sessions started at or after this time (inclusive, UTC).' })
  from: Date;

  @Field(() => Date, { description: 'Sessions started before this time (exclusive, UTC); at most 10 years after from.' })
  to: Date;

  @Field(() => String, { nullable: true, description: 'Why, for the change log (up to 500 characters).' })
  @IsOptional()
  @MaxLength(500)
  reason?: string;
}

@ObjectType({ description: 'What recomputeBilling did.' })
export class RecomputeBillingPayload {
  @Field(() => Int, { description: 'Unlocked work items looked at.' })
  workItemsChecked: number;

  @Field(() => Int, {
    description: 'Work items whose labor type, billable minutes, rule version or prepaid draw changed (each is in the change log).',
  })
  workItemsChanged: number;

  @Field(() => Int, { description: 'Billed (locked) work items in the range, left exactly as they were.' })
  lockedWorkItemsSkipped: number;
}
