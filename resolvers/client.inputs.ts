import { IsBoolean, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdempotentInput } from './idempotent.input';
import { IsId, NotBlank } from './validators';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SLUG_MESSAGE = '$property must be lower-case letters and digits separated by single dashes, such as "acme-corp"';
const MAX_RATE_CENTS = 10_000_000;

@InputType({ description: 'A new client.' })
export class CreateClientInput extends IdempotentInput {
  @Field(() => String, { description: 'Display name, unique (1 to 200 characters).' })
  @NotBlank()
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true, description: 'Unique key; derived from the name when omitted.' })
  @IsOptional()
  @MaxLength(100)
  @Matches(SLUG, { message: SLUG_MESSAGE })
  slug?: string;

  @Field(() => Int, { nullable: true, description: `Hourly rate in cents (0 to ${MAX_RATE_CENTS}); 0 when omitted.` })
  @IsOptional()
  @Min(0)
  @Max(MAX_RATE_CENTS)
  hourlyRateCents?: number;

  @Field(() => Boolean, { nullable: true, description: 'Whether the client is active; true when omitted.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType({ description: 'Changes to a client; omitted fields stay as they are.' })
export class UpdateClientInput {
  @Field(() => ID, { description: 'The client to change.' })
  @IsId()
  id: string;

  @Field(() => String, { nullable: true, description: 'New display name (1 to 200 characters).' })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'New unique key.' })
  @IsOptional()
  @MaxLength(100)
  @Matches(SLUG, { message: SLUG_MESSAGE })
  slug?: string;

  @Field(() => Int, { nullable: true, description: `New hourly rate in cents (0 to ${MAX_RATE_CENTS}).` })
  @IsOptional()
  @Min(0)
  @Max(MAX_RATE_CENTS)
  hourlyRateCents?: number;

  @Field(() => Boolean, { nullable: true, description: 'Activate or deactivate the client.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType({ description: 'Narrows the clients list.' })
export class ClientFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or inactive (false) clients.' })
  @IsOptional()
  active?: boolean;

  @Field(() => String, { nullable: true, description: 'Only clients whose name contains this text (case-insensitive).' })
  @IsOptional()
  @MaxLength(200)
  search?: string;
}
