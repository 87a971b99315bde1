import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { ClassType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { AfterHoursPolicy } from '../../entities/client.entity';
import { IdempotentInput } from '../kit/idempotent.input';
import { IsId, NotBlank } from '../kit/validators';
import { Weekday } from '../../src/tracking/client.commands';
import type { CreateClient, UpdateClient, ClientFilter } from '../../src/tracking/client.commands';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SLUG_MESSAGE = '$property must be lower-case letters and digits separated by single dashes, such as "acme-corp"';
const MAX_RATE_CENTS = 10_000_000;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const HH_MM_MESSAGE = '$property must be a time of day "HH:MM" such as "09:00"';
registerEnumType(Weekday, {
  name: 'Weekday',
  description: 'A day of the week.',
  valuesConfig: {
    MONDAY: { description: 'Monday.' },
    TUESDAY: { description: 'Tuesday.' },
    WEDNESDAY: { description: 'Wednesday.' },
    THURSDAY: { description: 'Thursday.' },
    FRIDAY: { description: 'Friday.' },
    SATURDAY: { description: 'Saturday.' },
    SUNDAY: { description: 'Sunday.' },
  },
});

/** The billing rules a client carries, the same when created and when changed: a mixin for both inputs. */
function withBillingRules<T extends ClassType>(Base: T, name: string) {
  // named but reachable only through the inputs that extend it, so not emitted into the schema
  @InputType(`${name}BillingRules`)
  class BillingRulesInput extends Base {
    @Field(() => String, {
      nullable: true,
      description: 'IANA time zone its business hours are in (up to 64 characters), for example "America/Phoenix".',
    })
    @IsOptional()
    @MaxLength(64)
    timeZone?: string;

    @Field(() => String, { nullable: true, description: 'Business hours start, local "HH:MM".' })
    @IsOptional()
    @Matches(HH_MM, { message: HH_MM_MESSAGE })
    businessHoursStart?: string;

    @Field(() => String, {
      nullable: true,
      description: 'Business hours end, local "HH:MM", exclusive; after the start (no windows over midnight).',
    })
    @IsOptional()
    @Matches(HH_MM, { message: HH_MM_MESSAGE })
    businessHoursEnd?: string;

    @Field(() => [Weekday], { nullable: true, description: 'Days with business hours (up to 7).' })
    @IsOptional()
    @ArrayMaxSize(7)
    @IsEnum(Weekday, { each: true })
    businessDays?: Weekday[];

    @Field(() => AfterHoursPolicy, { nullable: true, description: 'What happens to work that starts outside business hours.' })
    @IsOptional()
    @IsEnum(AfterHoursPolicy)
    afterHoursPolicy?: AfterHoursPolicy;

    @Field(() => ID, { nullable: true, description: "The client's default labor type (an active one)." })
    @IsOptional()
    @IsId()
    defaultLaborTypeId?: string;

    @Field(() => ID, {
      nullable: true,
      description: 'The after-hours labor type (one flagged afterHours) for the AFTER_HOURS_LABOR_TYPE policy.',
    })
    @IsOptional()
    @IsId()
    afterHoursLaborTypeId?: string;

    @Field(() => Int, { nullable: true, description: 'Prepaid alert threshold in percent left (0 to 100).' })
    @IsOptional()
    @Min(0)
    @Max(100)
    prepaidAlertPercent?: number;
  }
  return BillingRulesInput;
}

@InputType({ description: 'A new client.' })
export class CreateClientInput extends withBillingRules(IdempotentInput, 'CreateClient') implements CreateClient {
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
export class UpdateClientInput extends withBillingRules(class {}, 'UpdateClient') implements UpdateClient {
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

@InputType('ClientFilter', { description: 'Narrows the clients list.' })
export class ClientFilterInput implements ClientFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or inactive (false) clients.' })
  @IsOptional()
  active?: boolean;

  @Field(() => String, { nullable: true, description: 'Only clients whose name contains this text (case-insensitive).' })
  @IsOptional()
  @MaxLength(200)
  search?: string;
}
