import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';
import { Session } from './session.entity';

export enum NoteKind {
  DECISION = 'DECISION',
  FINDING = 'FINDING',
  LEARNING = 'LEARNING',
}
registerEnumType(NoteKind, {
  name: 'NoteKind',
  description: 'What a note records; notes feed the searchable knowledge base.',
  valuesConfig: {
    DECISION: { description: 'Something decided, and why.' },
    FINDING: { description: 'Something found out.' },
    LEARNING: { description: 'Something learned that will matter next time.' },
  },
});

@ObjectType({ description: 'A decision, finding or learning written down during a session (NORMAL sessions are made of them).' })
@Audited()
@Entity('notes')
@Index('ix_notes_session_created_at', ['sessionId', 'createdAt'])
export class Note {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  sessionId: number;

  @ForeignKey(() => Session, 'session_id', { onDelete: 'CASCADE' })
  session?: Relation<Session>;

  @Field(() => NoteKind, { description: 'Decision, finding or learning.' })
  @Column('varchar', { length: 20 })
  kind: NoteKind;

  @Field(() => String, { description: 'The note itself (up to 4,000 characters).' })
  @Column('varchar', { length: 4000 })
  text: string;

  @Field(() => Date, { description: 'When it was written (UTC).' })
  @TimestampColumn()
  createdAt: Date;
}
