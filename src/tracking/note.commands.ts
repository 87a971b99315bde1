// What the service takes: plain commands and filters, free of GraphQL (the @InputType classes implement them).
import type { NoteKind } from '../../entities/note.entity';

/** A decision, finding or learning to write down in a session. */
export interface AddNote {
  sessionId: string;
  kind: NoteKind;
  text: string;
  idempotencyKey?: string;
}
