import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
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

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<Session>;

  @ManyToOne(() => Tag, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tag_id' })
  tag?: Relation<Tag>;
}
