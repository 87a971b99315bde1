import { Note } from '../../entities/note.entity';
import { Session } from '../../entities/session.entity';
import { childLists } from '../../src/loaders/child-lists';
import { writeNote } from '../../src/tracking/note.service';
import { NoteConnection } from '../kit/connections';
import { NoteInput } from './note.inputs';
import { belongsTo, hasMany, inputMutation } from '../kit/record-resolvers';
import { writers } from '../../src/graphql/access';

/** Notes: decisions, findings and learnings written down in a session; they feed search. */
export const noteResolvers = [
  inputMutation({
    name: 'note',
    access: writers('ownSession'),
    description: 'Writes down a decision, finding or learning in a session; search finds it from then on.',
    input: NoteInput,
    returns: Note,
    run: writeNote,
  }),
  belongsTo({ on: Note, name: 'session', description: 'The session it was written in.', target: Session, key: 'sessionId' }),
  hasMany({
    on: Session,
    name: 'notes',
    description: 'Decisions, findings and learnings written in this session, oldest first.',
    connection: NoteConnection,
    spec: childLists.notesOfSession,
  }),
];
