import { IsBoolean, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentInput } from '../kit/idempotent.input';
import { IsId, NotBlank } from '../kit/validators';
import type { CreateLaborType, UpdateLaborType, LaborTypeFilter } from '../../src/billing/labor-type.commands';

@InputType({ description: 'A new labor type: how a kind of work is billed.' })
export class CreateLaborTypeInput extends IdempotentInput implements CreateLaborType {
  @Field(() => String, { description: 'Unique name (1 to 100 characters), for example "Remote".' })
  @NotBlank()
  @MaxLength(100)
  name: string;

  @Field(() => Int, { nullable: true, description: 'Minimum billed per work item, in minutes (0 to 480); 0 when omitted.' })
  @IsOptional()
  @Min(0)
  @Max(480)
  minimumMinutes?: number;

  @Field(() => Int, { nullable: true, description: 'Round billable minutes up to a multiple of this (1 to 240); 1 when omitted.' })
  @IsOptional()
  @Min(1)
  @Max(240)
  roundingIncrementMinutes?: number;

  @Field(() => Int, { nullable: true, description: 'Quantity multiplier in percent (100 to 500; 150 = 1.5x); 100 when omitted.' })
  @IsOptional()
  @Min(100)
  @Max(500)
  multiplierPercent?: number;

  @Field(() => Boolean, { nullable: true, description: 'After-hours or emergency work; false when omitted.' })
  @IsOptional()
  @IsBoolean()
  afterHours?: boolean;

  @Field(() => String, { nullable: true, description: 'The PSA product or labor item it maps to (up to 100 characters).' })
  @IsOptional()
  @MaxLength(100)
  psaProductId?: string;

  @Field(() => Boolean, { nullable: true, description: "Make it the install's default labor type (the previous default stops being one)." })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

@InputType({ description: 'Changes to a labor type; omitted fields stay. A rule change is a new version and never moves billed work.' })
export class UpdateLaborTypeInput implements UpdateLaborType {
  @Field(() => ID, { description: 'The labor type to change.' })
  @IsId()
  id: string;

  @Field(() => String, { nullable: true, description: 'New unique name (1 to 100 characters).' })
  @IsOptional()
  @NotBlank()
  @MaxLength(100)
  name?: string;

  @Field(() => Int, { nullable: true, description: 'New minimum minutes (0 to 480).' })
  @IsOptional()
  @Min(0)
  @Max(480)
  minimumMinutes?: number;

  @Field(() => Int, { nullable: true, description: 'New rounding increment in minutes (1 to 240).' })
  @IsOptional()
  @Min(1)
  @Max(240)
  roundingIncrementMinutes?: number;

  @Field(() => Int, { nullable: true, description: 'New multiplier in percent (100 to 500).' })
  @IsOptional()
  @Min(100)
  @Max(500)
  multiplierPercent?: number;

  @Field(() => Boolean, { nullable: true, description: 'Whether it is after-hours or emergency work.' })
  @IsOptional()
  @IsBoolean()
  afterHours?: boolean;

  @Field(() => String, { nullable: true, description: 'New PSA product (up to 100 characters); empty clears it.' })
  @IsOptional()
  @MaxLength(100)
  psaProductId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Activate or deactivate it (the default cannot be deactivated).' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => Boolean, { nullable: true, description: "True makes it the install's default (there is always exactly one)." })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

@InputType('LaborTypeFilter', { description: 'Narrows the labor types list.' })
export class LaborTypeFilterInput implements LaborTypeFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or inactive (false) ones.' })
  @IsOptional()
  active?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only after-hours/emergency (true) or normal (false) ones.' })
  @IsOptional()
  afterHours?: boolean;
}
