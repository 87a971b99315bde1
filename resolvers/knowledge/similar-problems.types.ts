import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SimilarKind } from '../../src/knowledge/similar-problems.service';
import { IsId, NotBlank } from '../kit/validators';

registerEnumType(SimilarKind, {
  name: 'SimilarKind',
  description: 'The kind of record a similar problem comes from.',
  valuesConfig: {
    PROBLEM_SOLUTION: { description: 'A problem solved in a session: its symptom and fix.' },
    FAILURE_PATTERN: { description: 'A learned failure pattern: what fails and what to do instead (shared by every client).' },
  },
});

@ArgsType()
export class SimilarProblemsArgs {
  @Field(() => String, { description: 'The problem, in a sentence or two (1 to 2000 characters): symptoms, host names, technologies.' })
  @NotBlank()
  @MaxLength(2000)
  description: string;

  @Field(() => Int, { defaultValue: 3, description: 'How many matches to return, most similar first (1 to 10).' })
  @Min(1)
  @Max(10)
  top: number = 3;

  @Field(() => ID, {
    nullable: true,
    description: "Only this client's problem solutions (agent tokens: their own client); failure patterns always count.",
  })
  @IsOptional()
  @IsId()
  clientId?: string;
}

@ObjectType({ description: 'A past problem solution or failure pattern like the described problem.' })
export class SimilarProblem {
  @Field(() => SimilarKind, { description: 'What kind of record it is.' })
  kind: SimilarKind;

  @Field(() => ID, { description: 'Id of the problem solution or failure pattern.' })
  id: string;

  @Field(() => Float, { description: 'Similarity from 0 to 1: mostly shared words, plus shared technologies, host and tags.' })
  score: number;

  @Field(() => [String], {
    description: 'Why it matched, for example "words: dns, forwarder", "technology: DNS", "same host: DC01", "tag: dns".',
  })
  why: string[];

  @Field(() => String, { description: "The problem's symptom, or what the pattern says fails." })
  symptom: string;

  @Field(() => String, { nullable: true, description: 'What fixed it, or what to do instead of the failing command (when known).' })
  solution: string | null;

  @Field(() => Boolean, { description: 'Whether the fix was confirmed to work (always false for failure patterns).' })
  verified: boolean;

  @Field(() => String, { nullable: true, description: 'Host name of the infrastructure the problem was on, if recorded.' })
  host: string | null;

  @Field(() => ID, { nullable: true, description: 'The session the problem was solved in (none for failure patterns).' })
  sessionId: string | null;

  @Field(() => Int, { nullable: true, description: 'How many times the pattern was seen (failure patterns only).' })
  occurrences: number | null;
}

@ObjectType({ description: 'Past problems most like a described one, plus a short text rendering of them.' })
export class SimilarProblems {
  @Field(() => [SimilarProblem], { description: 'The most similar ones, best first.' })
  matches: SimilarProblem[];

  @Field(() => String, { description: 'The matches as a few plain lines an agent can paste.' })
  text: string;
}
