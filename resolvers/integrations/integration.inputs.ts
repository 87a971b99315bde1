import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { LaborProductSource, PostingMode, PsaProviderKind } from '../../entities/integration.entity';
import { WorkCategory } from '../../entities/work-item.entity';
import type { CreateIntegrationCommand, PostSessionCommand, TicketRefCommand, TicketSearchCommand } from '../../src/integrations/commands';
import { IdempotentInput } from '../kit/idempotent.input';
import { IsId, NotBlank } from '../kit/validators';

@InputType({ description: 'The PSA labor product for one work category.' })
export class CategoryProductInput {
  @Field(() => WorkCategory, { description: 'The work category.' })
  @IsEnum(WorkCategory)
  category: WorkCategory;

  @Field(() => String, { description: 'The PSA’s product id (1 to 100 characters).' })
  @NotBlank()
  @MaxLength(100)
  productId: string;
}

@InputType({ description: 'A PSA account to post sessions to; the API key is sealed by the vault and never returned.' })
export class CreateIntegrationInput extends IdempotentInput implements CreateIntegrationCommand {
  @Field(() => PsaProviderKind, { description: 'Which PSA.' })
  @IsEnum(PsaProviderKind)
  provider: PsaProviderKind;

  @Field(() => String, { description: 'Name of the account (1 to 200 characters), unique.' })
  @NotBlank()
  @MaxLength(200)
  name: string;

  @Field(() => String, {
    description: 'API base URL, https (for example https://acme.syncromsp.com/api/v1; HaloPSA: https://acme.halopsa.com/api).',
  })
  @NotBlank()
  @MaxLength(500)
  baseUrl: string;

  @Field(() => String, {
    description: 'The API token (Syncro) or OAuth client secret (HaloPSA), 8 to 500 characters. Stored encrypted; never returned.',
  })
  @Matches(/^\S{8,500}$/, { message: '$property must be 8 to 500 characters without spaces' })
  apiKey: string;

  @Field(() => String, { nullable: true, description: 'OAuth client id (HaloPSA only; up to 200 characters).' })
  @IsOptional()
  @MaxLength(200)
  oauthClientId?: string;

  @Field(() => PostingMode, { nullable: true, description: 'How time is posted; TIMER_THEN_CHARGE by default.' })
  @IsOptional()
  @IsEnum(PostingMode)
  postingMode?: PostingMode;

  @Field(() => LaborProductSource, {
    nullable: true,
    description: 'Where the labor product comes from; LABOR_TYPE (its psaProductId) by default.',
  })
  @IsOptional()
  @IsEnum(LaborProductSource)
  productSource?: LaborProductSource;

  @Field(() => [CategoryProductInput], {
    nullable: true,
    description: 'Product per work category (with productSource WORK_CATEGORY), up to 20.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  categoryProducts?: CategoryProductInput[];

  @Field(() => String, {
    nullable: true,
    description: 'Product for work that maps to none (up to 100 characters); else the PSA’s default labor product.',
  })
  @IsOptional()
  @MaxLength(100)
  defaultProductId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Post comments as private notes (default true).' })
  @IsOptional()
  @IsBoolean()
  hiddenComments?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Public comments send no e-mail to the customer (default true).' })
  @IsOptional()
  @IsBoolean()
  doNotEmail?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Requests the PSA allows per window (1 to 100000); Syncro 180, HaloPSA 500 by default.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  rateLimitRequests?: number;

  @Field(() => Int, { nullable: true, description: 'The window in seconds (1 to 3600); Syncro 60, HaloPSA 300 by default.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3600)
  rateLimitWindowSeconds?: number;

  @Field(() => Int, { nullable: true, description: 'Seconds one call may take (1 to 60, default 15).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  timeoutSeconds?: number;
}

@InputType({ description: 'A PSA ticket: exactly one of its internal id or the number people see.' })
export class TicketRefInput implements TicketRefCommand {
  @Field(() => String, { nullable: true, description: 'The PSA’s internal ticket id (up to 100 characters).' })
  @IsOptional()
  @NotBlank()
  @MaxLength(100)
  id?: string;

  @Field(() => String, { nullable: true, description: 'The ticket number people see (up to 100 characters).' })
  @IsOptional()
  @NotBlank()
  @MaxLength(100)
  number?: string;
}

@InputType({ description: 'Posts a session to a PSA ticket: summary comment and billable time in one call.' })
export class PostSessionToTicketInput extends IdempotentInput implements PostSessionCommand {
  @Field(() => ID, {
    description: 'The session (usually ended; an open one takes no more work once posted). An agent token may post only its own.',
  })
  @IsId()
  sessionId: string;

  @Field(() => ID, { description: 'The integration to post through.' })
  @IsId()
  integrationId: string;

  @Field(() => TicketRefInput, { description: 'The ticket.' })
  @ValidateNested()
  ticket: TicketRefInput;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Post the summary as a comment (default true).' })
  @IsOptional()
  @IsBoolean()
  comment?: boolean;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Post the billable time (default true).' })
  @IsOptional()
  @IsBoolean()
  timeEntry?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Attach the summary as a file (not supported yet: refused when true).',
  })
  @IsOptional()
  @IsBoolean()
  attachSummary?: boolean;
}

@ArgsType()
export class SearchTicketsArgs implements TicketSearchCommand {
  @Field(() => ID, { description: 'The integration to search.' })
  @IsId()
  integrationId: string;

  @Field(() => String, { nullable: true, description: 'Free text (up to 200 characters).' })
  @IsOptional()
  @MaxLength(200)
  query?: string;

  @Field(() => String, { nullable: true, description: 'The PSA customer: its id or (part of) its name (up to 200 characters).' })
  @IsOptional()
  @MaxLength(200)
  customer?: string;

  @Field(() => String, { nullable: true, description: 'Exact status name (Syncro also takes "Not Closed"; up to 100 characters).' })
  @IsOptional()
  @MaxLength(100)
  status?: string;

  @Field(() => Int, { defaultValue: 20, description: 'How many tickets (1 to 100).' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 20;
}
