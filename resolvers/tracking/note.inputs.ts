import { IsEnum, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { NoteKind } from '../../entities/note.entity';
import { IdempotentInput } from '../kit/idempotent.input';
import { IsId, NotBlank } from '../kit/validators';
import type { AddNote } from '../../src/tracking/note.commands';

@InputType({ description: 'A decision, finding or learning to write down in a session.' })
export class NoteInput extends IdempotentInput implements AddNote {
  @Field(() => ID, { description: 'The session the note belongs to (an agent token: its own session).' })
  @IsId()
  sessionId: string;

  @Field(() => NoteKind, { description: 'Decision, finding or learning.' })
  @IsEnum(NoteKind)
  kind: NoteKind;

  @Field(() => String, { description: 'The note (1 to 4000 characters).' })
  @NotBlank()
  @MaxLength(4000)
  text: string;
}
