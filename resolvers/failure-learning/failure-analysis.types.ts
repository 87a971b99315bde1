import { IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { FailurePattern } from '../../entities/failure-pattern.entity';
import { IsId } from '../kit/validators';

@InputType({ description: 'Which failures to analyse.' })
export class AnalyzeFailuresInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Only the patterns seen at this client (counted at this client); every failure when omitted.',
  })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => Int, { defaultValue: 10, description: 'How many patterns to list, most frequent first (1 to 50).' })
  @Min(1)
  @Max(50)
  top: number = 10;
}

@ObjectType({ description: 'A failure pattern with how often it happened in the analysed failures.' })
export class PatternCount {
  @Field(() => FailurePattern, { description: 'The pattern (its occurrences field counts every client).' })
  pattern: FailurePattern;

  @Field(() => Int, { description: 'Failures of this pattern among the analysed ones.' })
  occurrences: number;

  @Field(() => [String], { description: 'Host names it failed on, sorted.' })
  hosts: string[];
}

@ObjectType({ description: 'The result of rebuilding failure patterns and insights from the recorded failures.' })
export class FailureAnalysis {
  @Field(() => [PatternCount], { description: 'The most frequent patterns, most frequent first.' })
  patterns: PatternCount[];

  @Field(() => Int, { description: 'Failures analysed.' })
  failuresScanned: number;

  @Field(() => Int, { description: 'Failures recorded before failure learning existed that got their signature now.' })
  failuresSigned: number;

  @Field(() => Int, { description: 'Patterns created or changed by the rebuild.' })
  patternsUpdated: number;

  @Field(() => Int, { description: 'Host insights created or refreshed by the rebuild.' })
  insightsUpdated: number;

  @Field(() => String, { description: 'The top patterns as a few lines an agent can paste.' })
  text: string;
}
