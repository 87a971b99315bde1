import { IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { Idempotent } from '../../src/kit/idempotent.commands';

/** Base of every input an agent may retry. Not reachable itself, so not emitted into the schema. */
@InputType('IdempotentInput')
export class IdempotentInput implements Idempotent {
  @Field(() => String, {
    nullable: true,
    description:
      'Optional key (up to 100 of A-Z a-z 0-9 . _ : -, a UUID is ideal) that makes retries safe: the same key with the same input returns the first result and writes nothing; with different input it is a CONFLICT.',
  })
  @IsOptional()
  @MaxLength(100)
  @Matches(/^[\w.:-]+$/, { message: '$property may only hold letters, digits and . _ : -' })
  idempotencyKey?: string;
}
