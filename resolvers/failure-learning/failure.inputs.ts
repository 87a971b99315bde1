import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { FailureCategory } from '../../entities/command-run.entity';
import { IdempotentInput } from '../kit/idempotent.input';
import { IsId, NotBlank } from '../kit/validators';
import type {
  LogOperationFailure,
  RecordFailurePattern,
  UpdateFailurePattern,
  RecordEnvironmentalInsight,
  UpdateEnvironmentalInsight,
  FailurePatternFilter,
  EnvironmentalInsightFilter,
  OperationFailureFilter,
} from '../../src/failure-learning/failure.commands';

@InputType({ description: 'A failure that was not a single command. Client and session must agree.' })
export class LogOperationFailureInput extends IdempotentInput implements LogOperationFailure {
  @Field(() => ID, { nullable: true, description: 'The session it happened in.' })
  @IsOptional()
  @IsId()
  sessionId?: string;

  @Field(() => ID, { nullable: true, description: 'The client; taken from the session or infrastructure when omitted.' })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => ID, { nullable: true, description: 'The infrastructure involved.' })
  @IsOptional()
  @IsId()
  infrastructureId?: string;

  @Field(() => String, { description: 'What was attempted (1 to 200 characters).' })
  @NotBlank()
  @MaxLength(200)
  operation: string;

  @Field(() => String, { description: 'What happened (1 to 2000 characters).' })
  @NotBlank()
  @MaxLength(2000)
  description: string;

  @Field(() => String, { nullable: true, description: 'The error shown (up to 4000 characters).' })
  @IsOptional()
  @MaxLength(4000)
  errorMessage?: string;

  @Field(() => FailureCategory, { nullable: true, description: 'Why it failed.' })
  @IsOptional()
  @IsEnum(FailureCategory)
  failureCategory?: FailureCategory;

  @Field(() => Date, { nullable: true, description: 'When it failed; now when omitted; not in the future.' })
  @IsOptional()
  occurredAt?: Date;
}

@InputType({ description: 'A failure pattern curated by hand (failure learning also maintains them).' })
export class RecordFailurePatternInput extends IdempotentInput implements RecordFailurePattern {
  @Field(() => String, {
    description:
      'Normalised signature, unique (up to 255 characters), in the form failure learning uses: "cmd:<program> [subcommand]" (for example "cmd:get-localuser") or "op:<operation>".',
  })
  @Matches(/^(cmd|op):\S/, {
    message:
      '$property must look like "cmd:get-localuser" or "op:install veeam agent", the form failure learning gives failed commands and operations',
  })
  @MaxLength(255)
  signature: string;

  @Field(() => String, { description: 'What fails (1 to 2000 characters).' })
  @NotBlank()
  @MaxLength(2000)
  description: string;

  @Field(() => FailureCategory, { nullable: true, description: 'Why it fails.' })
  @IsOptional()
  @IsEnum(FailureCategory)
  failureCategory?: FailureCategory;

  @Field(() => [String], { nullable: true, description: 'Conditions under which it fails (up to 20, each up to 200 characters).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(200, { each: true })
  environmentConditions?: string[];

  @Field(() => String, { nullable: true, description: 'What to do instead (up to 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  recommendedAlternative?: string;
}

@InputType({ description: 'Changes to a failure pattern; omitted fields stay.' })
export class UpdateFailurePatternInput implements UpdateFailurePattern {
  @Field(() => ID, { description: 'The pattern.' })
  @IsId()
  id: string;

  @Field(() => String, { nullable: true, description: 'New description.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(2000)
  description?: string;

  @Field(() => [String], { nullable: true, description: 'New conditions (replace the old ones).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(200, { each: true })
  environmentConditions?: string[];

  @Field(() => String, { nullable: true, description: 'New recommended alternative.' })
  @IsOptional()
  @MaxLength(2000)
  recommendedAlternative?: string;
}

@InputType({ description: 'Something learned about a client or a host; at least one of the two.' })
export class RecordEnvironmentalInsightInput extends IdempotentInput implements RecordEnvironmentalInsight {
  @Field(() => ID, { nullable: true, description: 'The client it applies to; taken from the infrastructure when omitted.' })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => ID, { nullable: true, description: 'The host it applies to.' })
  @IsOptional()
  @IsId()
  infrastructureId?: string;

  @Field(() => String, { description: 'The insight (1 to 2000 characters).' })
  @NotBlank()
  @MaxLength(2000)
  insight: string;

  @Field(() => Int, { description: 'How sure (0 to 100).' })
  @Min(0)
  @Max(100)
  confidence: number;

  @Field(() => [ID], { nullable: true, description: 'Ids of the commands or failures it was learned from (up to 100).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsId({ each: true })
  sourceFailureIds?: string[];
}

@InputType({ description: 'Changes to an insight; omitted fields stay.' })
export class UpdateEnvironmentalInsightInput implements UpdateEnvironmentalInsight {
  @Field(() => ID, { description: 'The insight.' })
  @IsId()
  id: string;

  @Field(() => String, { nullable: true, description: 'New wording.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(2000)
  insight?: string;

  @Field(() => Int, { nullable: true, description: 'New confidence (0 to 100).' })
  @IsOptional()
  @Min(0)
  @Max(100)
  confidence?: number;

  @Field(() => Boolean, { nullable: true, description: 'False once it no longer holds.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType('FailurePatternFilter', { description: 'Narrows the failure-patterns list.' })
export class FailurePatternFilterInput implements FailurePatternFilter {
  @Field(() => FailureCategory, { nullable: true, description: 'Only of this category.' })
  @IsOptional()
  failureCategory?: FailureCategory;

  @Field(() => String, { nullable: true, description: 'Only signatures or descriptions containing this text.' })
  @IsOptional()
  @MaxLength(200)
  search?: string;
}

@InputType('EnvironmentalInsightFilter', { description: 'Narrows the insights list; all conditions must hold.' })
export class EnvironmentalInsightFilterInput implements EnvironmentalInsightFilter {
  @Field(() => ID, { nullable: true, description: 'Only about this client.' })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => ID, { nullable: true, description: 'Only about this host.' })
  @IsOptional()
  @IsId()
  infrastructureId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or retired (false) insights; active when omitted.' })
  @IsOptional()
  active?: boolean;
}

@InputType('OperationFailureFilter', { description: 'Narrows the operation-failures list; all conditions must hold.' })
export class OperationFailureFilterInput implements OperationFailureFilter {
  @Field(() => ID, { nullable: true, description: 'Only at this client.' })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => ID, { nullable: true, description: 'Only on this infrastructure.' })
  @IsOptional()
  @IsId()
  infrastructureId?: string;

  @Field(() => FailureCategory, { nullable: true, description: 'Only of this category.' })
  @IsOptional()
  failureCategory?: FailureCategory;
}
