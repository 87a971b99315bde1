import { IsNumber, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IdempotentInput } from '../kit/idempotent.input';
import { IsId, NotBlank } from '../kit/validators';
import type { AddPrepaidBlock } from '../../src/billing/prepaid.commands';

@InputType({ description: 'A block of hours a client bought in advance.' })
export class AddPrepaidBlockInput extends IdempotentInput implements AddPrepaidBlock {
  @Field(() => ID, { description: 'The client that bought it.' })
  @IsId()
  clientId: string;

  @Field(() => Float, { description: 'Hours bought (0.01 to 10000, in hundredths of an hour at most).' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(10000)
  hours: number;

  @Field(() => Date, { description: 'When it was bought (UTC); it covers work that starts from then on.' })
  purchasedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it expires (UTC, after purchasedAt); never when omitted.' })
  @IsOptional()
  expiresAt?: Date;

  @Field(() => String, { description: 'What the purchase was, for example an invoice number (1 to 500 characters).' })
  @NotBlank()
  @MaxLength(500)
  note: string;
}

@ObjectType({ description: 'Prepaid hours drawn in one UTC month (by the month the work started).' })
export class PrepaidMonthUse {
  @Field(() => String, { description: 'The month, "2025-10".' })
  month: string;

  @Field(() => Float, { description: 'Hours drawn from blocks (after-hours work counts hours x multiplier).' })
  hours: number;
}

@ObjectType({ description: "A client's prepaid hours: balance, blocks and consumption per month." })
export class ClientPrepaid {
  clientId: number;

  @Field(() => Float, { description: 'Hours left on blocks that have not expired.' })
  balanceHours: number;

  @Field(() => Float, { description: 'Hours bought on blocks that have not expired.' })
  purchasedHours: number;

  @Field(() => Float, { description: 'Hours drawn from blocks that have not expired.' })
  usedHours: number;

  @Field(() => Int, { description: 'Blocks that have not expired.' })
  openBlocks: number;

  @Field(() => [PrepaidMonthUse], { description: 'Hours drawn per month, oldest first (one entry per month with draws).' })
  consumption: PrepaidMonthUse[];
}
