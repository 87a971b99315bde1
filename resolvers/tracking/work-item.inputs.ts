import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { WorkCategory } from '../../entities/work-item.entity';
import { IdempotentInput } from '../kit/idempotent.input';
import { IsId, NotBlank } from '../kit/validators';
import type { LogWorkItem, UpdateWorkItem } from '../../src/tracking/work-item.commands';

@InputType({ description: 'A piece of work done in a session.' })
export class LogWorkItemInput extends IdempotentInput implements LogWorkItem {
  @Field(() => ID, { description: 'The session the work belongs to.' })
  @IsId()
  sessionId: string;

  @Field(() => WorkCategory, {
    nullable: true,
    description:
      'Kind of work; when omitted it is worked out from the description (see categorizeWork), which also adds the tags it finds.',
  })
  @IsOptional()
  @IsEnum(WorkCategory)
  category?: WorkCategory;

  @Field(() => String, { description: 'What was done (1 to 2000 characters).' })
  @NotBlank()
  @MaxLength(2000)
  description: string;

  @Field(() => Int, { description: 'Minutes spent (1 to 1440).' })
  @Min(1)
  @Max(1440)
  minutes: number;

  @Field(() => Boolean, { nullable: true, description: "Billable or not; the session's flag when omitted." })
  @IsOptional()
  @IsBoolean()
  billable?: boolean;

  @Field(() => ID, {
    nullable: true,
    description: "Labor type to bill it as (an active one); the client's default, else the install's, when omitted.",
  })
  @IsOptional()
  @IsId()
  laborTypeId?: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the work started (UTC; not before the session started, not in the future); business hours are judged by it. Default: minutes before now, but not before the session start.',
  })
  @IsOptional()
  startedAt?: Date;

  @Field(() => [String], { nullable: true, description: 'Tag names (up to 20, each up to 50 characters).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @NotBlank({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];
}

@InputType({
  description: 'Changes to a work item; omitted fields stay. Minutes, billable flag, labor type and start are locked while it is billed.',
})
export class UpdateWorkItemInput implements UpdateWorkItem {
  @Field(() => ID, { description: 'The work item to change.' })
  @IsId()
  id: string;

  @Field(() => WorkCategory, { nullable: true, description: 'New category.' })
  @IsOptional()
  @IsEnum(WorkCategory)
  category?: WorkCategory;

  @Field(() => String, { nullable: true, description: 'New description (1 to 2000 characters).' })
  @IsOptional()
  @NotBlank()
  @MaxLength(2000)
  description?: string;

  @Field(() => Int, { nullable: true, description: 'Corrected minutes (1 to 1440).' })
  @IsOptional()
  @Min(1)
  @Max(1440)
  minutes?: number;

  @Field(() => Boolean, { nullable: true, description: 'New billable flag.' })
  @IsOptional()
  @IsBoolean()
  billable?: boolean;

  @Field(() => ID, { nullable: true, description: 'New labor type (an active one); the billable minutes are computed again.' })
  @IsOptional()
  @IsId()
  laborTypeId?: string;

  @Field(() => Date, { nullable: true, description: 'Corrected start (UTC; not before the session started, not in the future).' })
  @IsOptional()
  startedAt?: Date;
}
