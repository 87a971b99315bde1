import { Note } from '../../entities/note.entity';
import { Session } from '../../entities/session.entity';
import { SortOrder } from '../pagination/sort-order';
import { insertRecord } from '../kit/record.service';
import { assertSessionOpen } from './session-open';
import type { AddNote } from './note.commands';
import type { Scope } from '../kit/scope';

export const NOTE_ORDER: SortOrder<Note> = { key: 'createdAt', direction: 'ASC' };

/** Writes a note in an open session; it is searchable as soon as the write commits. */
export const writeNote = (scope: Scope, input: AddNote) =>
  insertRecord(scope, 'note', Note, input, {
    references: { sessionId: Session },
    derive: (_columns, referenced) => assertSessionOpen(referenced.sessionId as Session, 'notes'),
  });
