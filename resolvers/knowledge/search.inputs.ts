import { IsEnum, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { SearchSource } from '../../entities/search-document.entity';
import { SessionMode } from '../../entities/session.entity';
import { IsId, NotBlank } from '../kit/validators';
import type { SearchFilter } from '../../src/knowledge/search.commands';

@InputType('SearchFilter', { description: 'Conditions search hits must meet; all given ones apply.' })
export class SearchFilterInput implements SearchFilter {
  @Field(() => ID, { nullable: true, description: 'Only records of this client.' })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => ID, { nullable: true, description: 'Only records of this session.' })
  @IsOptional()
  @IsId()
  sessionId?: string;

  @Field(() => SessionMode, { nullable: true, description: 'Only records of sessions in this mode (NORMAL: the knowledge base).' })
  @IsOptional()
  @IsEnum(SessionMode)
  mode?: SessionMode;

  @Field(() => [SearchSource], { nullable: true, description: 'Only these kinds of record; all kinds when omitted.' })
  @IsOptional()
  @IsEnum(SearchSource, { each: true })
  sources?: SearchSource[];

  @Field(() => Date, { nullable: true, description: 'Only records from this time on (inclusive).' })
  @IsOptional()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Only records before this time (exclusive).' })
  @IsOptional()
  to?: Date;
}

@ArgsType()
export class SearchArgs {
  @Field(() => String, {
    description:
      'Words to look for (1 to 500 characters): stems, MSP abbreviations and synonyms, error codes and close misspellings match; filler words are skipped.',
  })
  @NotBlank()
  @MaxLength(500)
  text: string;

  @Field(() => SearchFilterInput, { nullable: true, description: 'Conditions the hits must meet.' })
  @IsOptional()
  @ValidateNested()
  filter?: SearchFilterInput;

  @Field(() => Int, { defaultValue: 10, description: 'How many hits to return, best first (1 to 50).' })
  @Min(1)
  @Max(50)
  first: number = 10;
}
