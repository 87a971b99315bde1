import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Tag } from './tag.entity';
import { WorkItem } from './work-item.entity';

/** Junction: which tags a work item carries. */
@Entity('work_item_tags')
@Index('ix_work_item_tags_tag', ['tagId'])
export class WorkItemTag {
  @PrimaryColumn('int')
  workItemId: number;

  @PrimaryColumn('int')
  tagId: number;

  @ManyToOne(() => WorkItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'work_item_id' })
  workItem?: Relation<WorkItem>;

  @ManyToOne(() => Tag, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tag_id' })
  tag?: Relation<Tag>;
}
