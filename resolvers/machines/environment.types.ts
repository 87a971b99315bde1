import { ArgsType, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { EnvironmentalInsight } from '../../entities/environmental-insight.entity';
import { FailurePattern } from '../../entities/failure-pattern.entity';
import { Infrastructure } from '../../entities/infrastructure.entity';
import { Verdict } from '../../src/infrastructure/environment-context.service';
import { IsId, NotBlank } from '../kit/validators';

registerEnumType(Verdict, {
  name: 'Verdict',
  description: 'Whether a command suits a host, judged from the failures on record.',
  valuesConfig: {
    OK: { description: 'Nothing on record speaks against it.' },
    WARN: { description: 'It failed on this host, or on hosts with the same OS or shell: use the alternative.' },
    BLOCK: { description: 'It failed on this host again and again: do not run it there.' },
  },
});

@ArgsType()
export class EnvironmentContextArgs {
  @Field(() => ID, { nullable: true, description: 'The host, by id.' })
  @IsOptional()
  @IsId()
  infrastructureId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'The host, by host name (case-insensitive; give clientId when several clients have one of that name).',
  })
  @IsOptional()
  @NotBlank()
  @MaxLength(255)
  hostname?: string;

  @Field(() => ID, { nullable: true, description: 'The client the host belongs to (agent tokens: their own client).' })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'A command about to run there (up to 4000 characters): judged against the failures on record.',
  })
  @IsOptional()
  @MaxLength(4000)
  command?: string;

  @Field(() => String, { nullable: true, description: 'The shell it would run in, for example "powershell 2.0" (up to 50 characters).' })
  @IsOptional()
  @MaxLength(50)
  shell?: string;
}

@ObjectType({ description: 'What to know before working on a host, and a verdict on a command.' })
export class EnvironmentContext {
  @Field(() => Infrastructure, { description: 'The host.' })
  host: Infrastructure;

  @Field(() => [String], { description: 'Its environment as conditions, for example ["Windows Server 2008 R2", "powershell 2.0"].' })
  conditions: string[];

  @Field(() => [EnvironmentalInsight], { description: 'Active insights about the host and its client, most confident first (at most 10).' })
  insights: EnvironmentalInsight[];

  @Field(() => [FailurePattern], { description: 'Failure patterns matching the command.' })
  patterns: FailurePattern[];

  @Field(() => Verdict, { description: 'OK, WARN or BLOCK for the command (OK without one).' })
  verdict: Verdict;

  @Field(() => String, { description: 'Why, in one sentence.' })
  reason: string;

  @Field(() => String, { nullable: true, description: 'What to run instead, when the verdict is not OK and an alternative is known.' })
  alternative: string | null;

  @Field(() => String, { description: 'All of it in a few lines an agent can paste.' })
  text: string;
}
