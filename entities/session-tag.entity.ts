import { Entity, Index, PrimaryColumn, Relation } from 'typeorm';
import { ForeignKey } from './columns';
import { Session } from './session.entity';
import { Tag } from './tag.entity';

/** Junction: which tags a session carries. */
@Entity('session_tags')
@Index('ix_session_tags_tag', ['tagId'])
export class SessionTag {
  @PrimaryColumn('int')
  sessionId: number;

  @PrimaryColumn('int')
  tagId: number;

  @ForeignKey(() => Session, 'session_id', { onDelete: 'CASCADE' })
  session?: Relation<Session>;

  @ForeignKey(() => Tag, 'tag_id', { onDelete: 'CASCADE' })
  tag?: Relation<Tag>;
}
