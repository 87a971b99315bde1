import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ForeignKey, TimestampColumn } from './columns';
import { PrepaidBlock } from './prepaid-block.entity';
import { WorkItem } from './work-item.entity';

/** What one work item took from one prepaid block (hundredths of a minute). Released and drawn again when unlocked work is recomputed. */
@Entity('prepaid_draws')
@Index('ix_prepaid_draws_block', ['blockId'])
@Index('ix_prepaid_draws_work_item', ['workItemId'])
export class PrepaidDraw {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  blockId: number;

  @ForeignKey(() => PrepaidBlock, 'block_id')
  block?: Relation<PrepaidBlock>;

  @Column('int')
  workItemId: number;

  @ForeignKey(() => WorkItem, 'work_item_id', { onDelete: 'CASCADE' })
  workItem?: Relation<WorkItem>;

  @Column('int')
  centiminutes: number;

  /** When the work drawn for started (the session's start, UTC): consumption is bucketed by its month. */
  @TimestampColumn()
  workStartedAt: Date;

  @TimestampColumn()
  createdAt: Date;
}
