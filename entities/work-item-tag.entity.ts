import { Entity, Index, PrimaryColumn, Relation } from 'typeorm';
import { ForeignKey } from './columns';
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

  @ForeignKey(() => WorkItem, 'work_item_id', { onDelete: 'CASCADE' })
  workItem?: Relation<WorkItem>;

  @ForeignKey(() => Tag, 'tag_id', { onDelete: 'CASCADE' })
  tag?: Relation<Tag>;
}
