import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';
import { Infrastructure } from './infrastructure.entity';
import { Session } from './session.entity';
import { WorkItem } from './work-item.entity';

export enum FileChangeKind {
  CREATED = 'CREATED',
  MODIFIED = 'MODIFIED',
  DELETED = 'DELETED',
  RENAMED = 'RENAMED',
}
registerEnumType(FileChangeKind, {
  name: 'FileChangeKind',
  description: 'What happened to a file.',
  valuesConfig: {
    CREATED: { description: 'New file.' },
    MODIFIED: { description: 'Content changed.' },
    DELETED: { description: 'Removed.' },
    RENAMED: { description: 'Moved or renamed; the summary names the old path.' },
  },
});

@ObjectType({ description: 'A file created, changed, deleted or renamed in a session.' })
@Audited()
@Entity('file_changes')
@Index('ix_file_changes_session', ['sessionId', 'createdAt'])
export class FileChange {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  sessionId: number;

  @ForeignKey(() => Session, 'session_id', { onDelete: 'CASCADE' })
  session?: Relation<Session>;

  @Column('int', { nullable: true })
  workItemId: number | null;

  @ForeignKey(() => WorkItem, 'work_item_id', { nullable: true, onDelete: 'SET NULL' })
  workItem?: Relation<WorkItem> | null;

  @Column('int', { nullable: true })
  infrastructureId: number | null;

  @ForeignKey(() => Infrastructure, 'infrastructure_id', { nullable: true, onDelete: 'SET NULL' })
  infrastructure?: Relation<Infrastructure> | null;

  @Field(() => String, { description: 'Full path of the file.' })
  @Column('varchar', { length: 1000 })
  path: string;

  @Field(() => FileChangeKind, { description: 'What happened.' })
  @Column('varchar', { length: 10 })
  kind: FileChangeKind;

  @Field(() => String, { nullable: true, description: 'What changed and why.' })
  @Column('varchar', { length: 2000, nullable: true })
  summary: string | null;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;
}
