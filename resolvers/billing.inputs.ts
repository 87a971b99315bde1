import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsId, NotBlank } from './validators';

@InputType({ description: 'Which ended sessions to mark billed: one session, or all of a client started in [from, to).' })
export class MarkBilledInput {
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
export class UnlockBilledInput {
  @Field(() => ID, { description: 'The billed session.' })
  @IsId()
  sessionId: string;

  @Field(() => String, { description: 'Why the invoiced time must change (1 to 500 characters).' })
  @NotBlank()
  @MaxLength(500)
  reason: string;
}
